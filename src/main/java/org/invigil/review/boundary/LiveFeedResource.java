package org.invigil.review.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.invigil.access.entity.ToolSession;
import org.invigil.review.control.LiveFeed;
import org.invigil.screens.boundary.ReviewerLogin;

/**
 * {@code GET /api/review/live}: Server-Sent Events for the live monitor screen, in the screen's own HTTP session
 * (the URL's {@code ;jsessionid}, as the review screens keep it): a "change" event whenever the exam changes (the
 * reviewer's, or {@code ?exam=} for an integrity officer), a "ping" now and then. The events carry no data; the
 * screen fetches what changed.
 */
@Path("review/live")
public class LiveFeedResource {

    @Inject
    ReviewerLogin login;

    @Inject
    LiveFeed feed;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void watch(@QueryParam("exam") String exam, @Context SseEventSink sink, @Context Sse sse) {
        ToolSession reviewer = login.reviewer();
        feed.subscribe(reviewer, login.examOf(exam), event -> {
            if (sink.isClosed()) {
                return false;
            }
            sink.send(sse.newEventBuilder().name(event).data(event).build()).exceptionally(failure -> {
                sink.close();
                return null;
            });
            return true;
        });
        // an event without data is never dispatched by EventSource: each carries its own name as data
        sink.send(sse.newEventBuilder().name("ready").data("ready").reconnectDelay(2000).build());
    }
}
