package org.invigil.web.boundary;

import java.util.List;

/**
 * The resource classes of each application, listed because two JAX-RS applications share this WAR (scanning
 * would give every resource to both).
 */
final class Endpoints {

    static final List<Class<?>> LTI = List.of(
            org.invigil.keys.boundary.JwksResource.class,
            org.invigil.registration.boundary.RegistrationResource.class,
            org.invigil.launch.boundary.LoginResource.class,
            org.invigil.launch.boundary.LaunchResource.class,
            org.invigil.deeplinking.boundary.DeepLinkingResource.class,
            org.invigil.exam.boundary.ExamPagesResource.class);

    static final List<Class<?>> API = List.of(
            org.invigil.registration.boundary.PlatformsAdminResource.class,
            org.invigil.registration.boundary.RegistrationLinksAdminResource.class,
            org.invigil.keys.boundary.KeysAdminResource.class,
            org.invigil.journey.boundary.ProctoringResource.class,
            org.invigil.identity.boundary.ReferencesResource.class,
            org.invigil.session.boundary.AccommodationsResource.class,
            org.invigil.review.boundary.ReviewResource.class,
            org.invigil.review.boundary.LiveFeedResource.class,
            org.invigil.review.boundary.OfficersAdminResource.class,
            org.invigil.exam.boundary.ExamSettingsResource.class,
            org.invigil.report.boundary.StudentReportResource.class,
            org.invigil.notification.boundary.NotificationsResource.class,
            org.invigil.notification.boundary.WebhooksAdminResource.class,
            AdminAuthentication.class);

    private Endpoints() {
    }
}
