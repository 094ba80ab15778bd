/**
 * The LTI platform simulator: the test double for the LMS (Moodle, Canvas, Open edX or TAO, see {@link
 * org.invigil.simulator.Flavor}) and the user's browser, written from the 1EdTech specifications and as strict as
 * Moodle where Moodle is strict; the two Proctoring Services platforms are modelled on their code (edx-exams with
 * xblock-lti-consumer; oat-sa lib-lti1p3-core and -proctoring). It is test code only; the integration tests
 * ({@code *IT}) drive the real tool WAR with it through {@link org.invigil.simulator.LtiPlatformSimulator}.
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
 * <li>Proctoring Services 1.0 §4.1–4.4: the LtiStartProctoring launch with {@code attempt_number},
 * {@code start_assessment_url}, {@code session_data}, {@code proctoring_settings} and {@code acs} ({@link
 * org.invigil.simulator.IdTokens}); LtiStartAssessment back to the platform, a top-level hand-off ({@link
 * org.invigil.simulator.StartAssessmentEndpoint}); LtiEndAssessment when the tool asked for
 * {@code end_assessment_return}, launched from the assessment page's "finish" link; the Assessment Control Service
 * ({@link org.invigil.simulator.AssessmentControlService}) acting on the attempts and their status ({@link
 * org.invigil.simulator.ProctoredAttempt}). Profiles per platform: {@link org.invigil.simulator.Flavor}.</li>
 * </ul>
 * Moodle and Canvas specifics come from {@code shared/notes/lti.md}, Open edX and TAO specifics from
 * {@code shared/notes/landscape-2026.md} §1 and the platforms' code.
 */
package org.invigil.simulator;
