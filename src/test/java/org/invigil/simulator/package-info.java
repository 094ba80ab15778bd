/**
 * The LTI platform simulator: the test double for the LMS (Moodle or Canvas, see {@link
 * org.invigil.simulator.Flavor}) and the user's browser, written from the 1EdTech specifications and as strict as
 * Moodle where Moodle is strict. It is test code only; the integration tests ({@code *IT}) drive the real tool WAR
 * with it through {@link org.invigil.simulator.LtiPlatformSimulator}.
 * <p>
 * Specification sections it implements:
 * <ul>
 * <li>LTI Core 1.3 §5 (resource link launch message and claims), §6 (custom substitution), Appendix A.2 (roles);</li>
 * <li>LTI Security Framework 1.0 §4.1 (client credentials with a JWT bearer assertion: {@link
 * org.invigil.simulator.TokenEndpoint}), §5.1.1 (third-party initiated OIDC login: {@link
 * org.invigil.simulator.LaunchFlow}, {@link org.invigil.simulator.OidcAuthorization}), §5.1.2 (id_token: {@link
 * org.invigil.simulator.IdTokens}), §6.3 (key sets: {@link org.invigil.simulator.PlatformKeys});</li>
 * <li>Deep Linking 2.0 §4.4 (request settings), §4.5 (response: {@link org.invigil.simulator.DeepLinkingReturn});</li>
 * <li>Assignment and Grade Services 2.0 §3.1–3.4 ({@link org.invigil.simulator.AssignmentAndGradeService});</li>
 * <li>Names and Role Provisioning Services 2.0 §2–3 ({@link org.invigil.simulator.NamesAndRoles});</li>
 * <li>Dynamic Registration 1.0 §3 ({@link org.invigil.simulator.DynamicRegistrationEndpoint});</li>
 * <li>Proctoring Services 1.0 §4.1–4.2 (LtiStartProctoring launch, LtiStartAssessment: {@link
 * org.invigil.simulator.StartAssessmentEndpoint}).</li>
 * </ul>
 * Moodle and Canvas specifics come from {@code shared/notes/lti.md}.
 */
package org.invigil.simulator;
