package org.invigil.application.boundary;

import java.util.List;
import org.invigil.deeplinking.boundary.DeepLinkingResource;
import org.invigil.exam.boundary.ExamPagesResource;
import org.invigil.exam.boundary.ExamSettingsResource;
import org.invigil.identity.boundary.BulkReferencesResource;
import org.invigil.identity.boundary.ReferencesResource;
import org.invigil.journey.boundary.ProctoringResource;
import org.invigil.keys.boundary.JwksResource;
import org.invigil.keys.boundary.KeysAdminResource;
import org.invigil.launch.boundary.LaunchResource;
import org.invigil.launch.boundary.LoginResource;
import org.invigil.notification.boundary.NotificationsResource;
import org.invigil.notification.boundary.WebhooksAdminResource;
import org.invigil.registration.boundary.PlatformsAdminResource;
import org.invigil.registration.boundary.RegistrationLinksAdminResource;
import org.invigil.registration.boundary.RegistrationResource;
import org.invigil.report.boundary.StudentReportResource;
import org.invigil.review.boundary.InstructorPageResource;
import org.invigil.review.boundary.LiveFeedResource;
import org.invigil.review.boundary.OfficersAdminResource;
import org.invigil.review.boundary.ReviewResource;
import org.invigil.session.boundary.AccommodationsResource;
import org.invigil.web.boundary.AdminAuthentication;

/**
 * The resource classes of each application, listed because two JAX-RS applications share this WAR (scanning
 * would give every resource to both).
 */
final class Endpoints {

    static final List<Class<?>> LTI = List.of(
            JwksResource.class,
            RegistrationResource.class,
            LoginResource.class,
            LaunchResource.class,
            DeepLinkingResource.class,
            ExamPagesResource.class,
            InstructorPageResource.class);

    static final List<Class<?>> API = List.of(
            PlatformsAdminResource.class,
            RegistrationLinksAdminResource.class,
            KeysAdminResource.class,
            ProctoringResource.class,
            ReferencesResource.class,
            AccommodationsResource.class,
            ReviewResource.class,
            LiveFeedResource.class,
            OfficersAdminResource.class,
            ExamSettingsResource.class, BulkReferencesResource.class,
            StudentReportResource.class,
            NotificationsResource.class,
            WebhooksAdminResource.class,
            AdminAuthentication.class);

    private Endpoints() {
    }
}
