package org.invigil.exam.boundary;

import static org.invigil.web.boundary.Page.escape;

import org.invigil.access.entity.ToolSession;
import org.invigil.exam.entity.ExamSummary;

/** HTML of the student's exam page. */
final class ExamPages {

    private ExamPages() {
    }

    /**
     * The student's exam page: who was launched into what, rendered by the server, and the journey (consent,
     * checks, monitoring) that the browser client runs in it.
     */
    static String student(ToolSession session, ExamSummary exam) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="referrer" content="no-referrer">
                <title>%s · Invigil</title>
                <link rel="stylesheet" href="/static/invigil.css">
                <link rel="stylesheet" href="/static/exam.css">
                <script type="module" src="/exam/journey.js"></script>
                </head>
                <body data-state="loading">
                <main id="journey" class="journey">
                  <header class="exam-header">
                    <p id="exam-course" class="muted">%s</p>
                    <h1 id="exam-title">%s</h1>
                    <p class="muted">Signed in as <span id="user-name">%s</span> (student).</p>
                  </header>
                  <nav aria-label="Steps before your exam">
                    <ol id="progress" class="progress"></ol>
                  </nav>
                  <div id="status" class="status-line" role="status" aria-live="polite"></div>
                  <div id="problem" class="problem-box" role="alert" hidden></div>
                  <section id="step" class="step" data-state="loading" aria-labelledby="step-heading">
                    <h2 id="step-heading" tabindex="-1">Opening your exam…</h2>
                    <noscript><p class="problem">This page needs JavaScript. Turn JavaScript on for this site, or use a
                    recent Chrome, Edge, Firefox or Safari, then open the exam again from your course page.</p></noscript>
                  </section>
                </main>
                </body>
                </html>
                """.formatted(escape(exam.title()), escape(exam.courseTitle().orElse("")), escape(exam.title()),
                escape(session.userName()));
    }
}
