package org.invigil.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Mints the id_token of a launch (LTI Core 1.3 §5 and §6, Deep Linking 2.0 §4.4, AGS 2.0 §3.1, NRPS 2.0 §3.6.1,
 * Proctoring Services 1.0 §4.1 and §4.3 with the {@code acs} claim, Security Framework 1.0 §5.1.2), then
 * applies the {@link LaunchRequest}'s tampering and signs it. {@link Flavor#EDX} launches are shaped as Open edX's
 * (see {@link Flavor}).
 */
final class IdTokens {
    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
    static final String NRPS_SERVICE = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
    static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
    static final String AP = "https://purl.imsglobal.org/spec/lti-ap/claim/";

    private final LtiPlatformSimulator platform;

    IdTokens(LtiPlatformSimulator platform) {
        this.platform = platform;
    }

    /** The claims of a launch, tampering included, for the given nonce. */
    JWTClaimsSet claims(PendingLaunch launch, String nonce) {
        if (platform.flavor() == Flavor.EDX) {
            return edxClaims(launch, nonce);
        }
        LaunchRequest request = launch.request();
        ToolRegistration tool = launch.tool();
        User user = request.user;
        Course course = request.course;
        Flavor flavor = platform.flavor();
        Instant iat = request.issuedAt != null ? request.issuedAt : platform.now();
        Instant exp = iat.plus(request.expiresIn != null ? request.expiresIn : platform.idTokenLifetime());

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.issuer())
                .audience(request.audience != null ? request.audience : List.of(tool.clientId()))
                .subject(user.sub())
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(exp))
                .claim("nonce", nonce)
                .claim("azp", tool.clientId());
        personClaims(claims, user, tool, flavor);

        claims.claim(LTI + "message_type", request.type.claimValue())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", launch.deploymentId())
                .claim(LTI + "target_link_uri", launch.targetLinkUri().toString())
                .claim(LTI + "roles", roles(course, user, flavor))
                .claim(LTI + "context", map("id", course.id(), "label", course.label(), "title", course.title(),
                        "type", List.of(flavor.contextType())))
                .claim(LTI + "launch_presentation", map("document_target", request.documentTarget,
                        "return_url", request.returnUrl != null ? request.returnUrl
                                : platform.baseUrl() + "/course/view.php?id=" + course.id(),
                        "locale", user.locale()))
                .claim(LTI + "tool_platform", map("guid", platform.guid(), "name", flavor.platformName(),
                        "product_family_code", flavor.productFamilyCode(), "version", flavor.version()))
                .claim(LTI + "lis", map("person_sourcedid", user.sourcedId().orElse(""),
                        "course_section_sourcedid", ""));
        if (request.link != null) {
            Map<String, Object> resourceLink = map("id", request.link.id(), "title", request.link.title());
            request.link.text().ifPresent(t -> resourceLink.put("description", t));
            claims.claim(LTI + "resource_link", resourceLink);
        }
        Map<String, Object> custom = custom(request, tool, user);
        if (!custom.isEmpty()) {
            claims.claim(LTI + "custom", custom);
        }
        if (flavor == Flavor.MOODLE) {
            claims.claim(LTI + "ext", map("user_username", user.username(), "lms", "moodle-2"));
        }
        serviceClaims(claims, request, tool);
        messageClaims(claims, launch);

        for (String name : request.removedClaims) {
            claims.claim(name, null);
        }
        request.claimTampers.forEach(t -> t.accept(claims));
        return claims.build();
    }

    private static void personClaims(JWTClaimsSet.Builder claims, User user, ToolRegistration tool, Flavor flavor) {
        String privacy = flavor == Flavor.CANVAS ? tool.privacyLevel().orElse("public") : "public";
        boolean names = privacy.equals("public") || privacy.equals("name_only");
        boolean email = privacy.equals("public") || privacy.equals("email_only");
        if (names) {
            claims.claim("name", user.name()).claim("given_name", user.givenName())
                    .claim("family_name", user.familyName());
        }
        if (email) {
            claims.claim("email", user.email());
        }
        if (flavor.sendsPicture() && privacy.equals("public") && user.picture() != null) {
            claims.claim("picture", user.picture().toString());
        }
        claims.claim("locale", user.locale());
    }

    private static List<String> roles(Course course, User user, Flavor flavor) {
        List<String> roles = new ArrayList<>();
        course.roles(user).forEach(r -> roles.add(r.uri()));
        user.institutionRoles().forEach(r -> roles.add(r.uri()));
        if (flavor == Flavor.CANVAS && !roles.contains(Role.SYSTEM_USER.uri())) {
            roles.add(Role.SYSTEM_USER.uri());
        }
        return roles;
    }

    private static final DateTimeFormatter CANVAS_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    private Map<String, Object> custom(LaunchRequest request, ToolRegistration tool, User user) {
        Map<String, String> raw = new LinkedHashMap<>(tool.customParameters());
        if (request.link != null) {
            raw.putAll(request.link.customParameters());
        }
        raw.putAll(request.custom);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("$User.id", user.sub());
        variables.put("$User.username", user.username());
        variables.put("$Person.name.full", user.name());
        variables.put("$Person.name.given", user.givenName());
        variables.put("$Person.name.family", user.familyName());
        variables.put("$Person.email.primary", user.email());
        variables.put("$Context.id", request.course.id());
        variables.put("$Context.title", request.course.title());
        variables.put("$Context.label", request.course.label());
        if (request.link != null) {
            variables.put("$ResourceLink.id", request.link.id());
            variables.put("$ResourceLink.title", request.link.title());
            if (platform.flavor() == Flavor.CANVAS) {
                // Canvas substitutes the assignment's lock date (lock_at.iso8601(3), in the account's time zone);
                // unset, it leaves the variable as it is, as Moodle does with every variable it does not know
                request.link.availableUntil().ifPresent(until -> variables.put("$ResourceLink.available.endDateTime",
                        CANVAS_DATE.format(until.atOffset(ZoneOffset.ofHours(-6)))));
            }
        }
        return raw.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> variables.getOrDefault(e.getValue(), e.getValue()), (a, b) -> b, LinkedHashMap::new));
    }

    private void serviceClaims(JWTClaimsSet.Builder claims, LaunchRequest request, ToolRegistration tool) {
        List<String> agsScopes = tool.scopes().stream()
                .filter(AssignmentAndGradeService.SCOPES::contains).sorted().toList();
        if (!agsScopes.isEmpty()) {
            Map<String, Object> endpoint = map("scope", agsScopes,
                    "lineitems", AssignmentAndGradeService.lineItemsUrl(platform.baseUrl(), request.course, tool));
            if (request.link != null) {
                request.link.lineItem().ifPresent(item -> endpoint.put("lineitem",
                        AssignmentAndGradeService.lineItemUrl(platform.baseUrl(), item, tool)));
            }
            claims.claim(AGS_ENDPOINT, endpoint);
        }
        if (tool.scopes().contains(NamesAndRoles.SCOPE)) {
            claims.claim(NRPS_SERVICE, map("context_memberships_url",
                    NamesAndRoles.membershipsUrl(platform.baseUrl(), request.course),
                    "service_versions", List.of("1.0", "2.0")));
        }
    }

    private void messageClaims(JWTClaimsSet.Builder claims, PendingLaunch launch) {
        LaunchRequest request = launch.request();
        switch (request.type) {
            case DEEP_LINKING -> claims.claim(DL + "deep_linking_settings", map(
                    "deep_link_return_url", platform.deepLinkReturnUrl().toString(),
                    "accept_types", request.acceptTypes,
                    "accept_presentation_document_targets", request.acceptPresentationDocumentTargets,
                    "accept_multiple", request.acceptMultiple,
                    "auto_create", request.autoCreate,
                    "title", request.course.title(),
                    "data", request.deepLinkingData));
            case START_PROCTORING -> {
                claims.claim(AP + "attempt_number", request.attemptNumber)
                        .claim(AP + "start_assessment_url", platform.startAssessmentUrl().toString())
                        .claim(AP + "session_data", launch.sessionData());
                if (request.proctoringSettingsData != null) {
                    claims.claim(AP + "proctoring_settings", map("data", request.proctoringSettingsData));
                }
                acsClaim(claims, request);
            }
            case END_ASSESSMENT -> {
                claims.claim(AP + "attempt_number", request.attemptNumber);
                acsClaim(claims, request);
            }
            case RESOURCE_LINK -> { }
        }
    }

    private void acsClaim(JWTClaimsSet.Builder claims, LaunchRequest request) {
        List<String> actions = request.acsActionsIn(platform.flavor());
        if (actions != null) {
            claims.claim(AP + "acs", map("assessment_control_url", platform.acsUrl().toString(),
                    "actions", actions));
        }
    }

    // ---------------------------------------------------------------- Open edX

    /**
     * An Open edX launch as xblock-lti-consumer builds it for edx-exams ({@code LtiConsumer1p3.get_lti_launch_message},
     * {@code LtiProctoringConsumer}): anonymous {@code sub}, no person claims unless PII is shared, {@code roles: []}
     * in proctoring messages, {@code resource_link {id}}, {@code context {id[, label]}}, {@code tool_platform {guid,
     * name}}, {@code session_data: null} in LtiEndAssessment.
     */
    private JWTClaimsSet edxClaims(PendingLaunch launch, String nonce) {
        LaunchRequest request = launch.request();
        ToolRegistration tool = launch.tool();
        User user = request.user;
        Course course = request.course;
        Instant iat = request.issuedAt != null ? request.issuedAt : platform.now();
        Instant exp = iat.plus(request.expiresIn != null ? request.expiresIn : platform.idTokenLifetime());

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.issuer())
                .audience(request.audience != null ? request.audience : List.of(tool.clientId()))
                .subject(platform.anonymousId(user))
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(exp))
                .claim("nonce", nonce)
                .claim("azp", tool.clientId());
        if (request.sharePii) {
            claims.claim("name", user.name()).claim("email", user.email())
                    .claim("preferred_username", user.edxUsername());
        }
        claims.claim(LTI + "message_type", request.type.claimValue())
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", launch.deploymentId())
                .claim(LTI + "target_link_uri", launch.targetLinkUri().toString())
                .claim(LTI + "roles", edxRoles(request));
        if (request.link != null) {
            claims.claim(LTI + "resource_link", map("id", request.link.id()));
        }
        Map<String, Object> context = map("id", course.id());
        if (request.type == MessageType.START_PROCTORING) {
            context.put("label", course.label());
        }
        claims.claim(LTI + "context", context);
        Map<String, Object> presentation = new LinkedHashMap<>();
        if (request.returnUrl != null || request.type == MessageType.END_ASSESSMENT) {
            presentation.put("return_url", request.returnUrl != null ? request.returnUrl
                    : platform.baseUrl() + "/course/view.php?id=" + course.id());
        }
        claims.claim(LTI + "launch_presentation", presentation)
                .claim(LTI + "tool_platform", map("guid", platform.guid(), "name", Flavor.EDX.platformName()));
        Map<String, Object> custom = new LinkedHashMap<>(custom(request, tool, user));
        if (request.type == MessageType.START_PROCTORING) {
            // edx-exams strips the scheme on purpose ("the proctoring tool is appending https://")
            custom.put("custom_url", URI.create(platform.baseUrl()).getRawAuthority() + "/browser_lock/");
        }
        if (request.type == MessageType.RESOURCE_LINK && request.link != null && isCourseStaff(course, user)) {
            custom.put("roster_url", platform.rosterUrl(request.link).toString());
        }
        if (!custom.isEmpty()) {
            claims.claim(LTI + "custom", custom);
        }
        switch (request.type) {
            case START_PROCTORING -> {
                claims.claim(AP + "attempt_number", request.attemptNumber)
                        .claim(AP + "session_data", launch.sessionData())
                        .claim(AP + "start_assessment_url", platform.startAssessmentUrl().toString());
                acsClaim(claims, request);
            }
            case END_ASSESSMENT -> {
                claims.claim(AP + "attempt_number", request.attemptNumber);
                acsClaim(claims, request);
            }
            case DEEP_LINKING -> messageClaims(claims, launch);
            case RESOURCE_LINK -> { }
        }
        for (String name : request.removedClaims) {
            claims.claim(name, null);
        }
        request.claimTampers.forEach(t -> t.accept(claims));
        JWTClaimsSet built = claims.build();
        if (request.type != MessageType.END_ASSESSMENT || request.removedClaims.contains(AP + "session_data")
                || built.getClaim(AP + "session_data") != null) {
            return built;
        }
        // xblock-lti-consumer's _get_base_claims sends session_data: None on LtiEndAssessment; keep that JSON null
        // while the other null-valued (removed) claims stay out
        JWTClaimsSet.Builder withNull = new JWTClaimsSet.Builder().serializeNullClaims(true);
        built.getClaims().forEach((name, value) -> {
            if (value != null) {
                withNull.claim(name, value);
            }
        });
        return withNull.claim(AP + "session_data", null).build();
    }

    /** edx-exams launches proctoring messages with {@code user_role=None}; other launches map the course role. */
    private static List<String> edxRoles(LaunchRequest request) {
        if (request.type == MessageType.START_PROCTORING || request.type == MessageType.END_ASSESSMENT) {
            return List.of();
        }
        List<Role> roles = request.course.roles(request.user);
        if (roles.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(List.of("http://purl.imsglobal.org/vocab/lis/v2/system/person#None",
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#None"));
        if (roles.contains(Role.INSTRUCTOR)) {
            out.add("http://purl.imsglobal.org/vocab/lis/v2/membership#Administrator");
            out.add(Role.INSTRUCTOR.uri());
        } else if (roles.contains(Role.TEACHING_ASSISTANT) || roles.contains(Role.CONTENT_DEVELOPER)) {
            out.add(Role.INSTRUCTOR.uri());
        } else {
            out.add(Role.LEARNER.uri());
        }
        return out;
    }

    /** Course staff in Open edX terms: instructors, TAs and content developers of the course, or an administrator. */
    static boolean isCourseStaff(Course course, User user) {
        List<Role> roles = course.roles(user);
        return roles.contains(Role.INSTRUCTOR) || roles.contains(Role.TEACHING_ASSISTANT)
                || roles.contains(Role.CONTENT_DEVELOPER) || user.institutionRoles().contains(Role.ADMINISTRATOR)
                || user.institutionRoles().contains(Role.SYSTEM_ADMINISTRATOR);
    }

    /** Serialises the claims as a JWS (or an unsecured JWT), applying the request's key/alg/header tampering. */
    String sign(JWTClaimsSet claims, LaunchRequest request) {
        if (request.unsigned) {
            return new PlainJWT(claims).serialize();
        }
        JWK key = request.signingKey != null ? request.signingKey : platform.keys().current();
        String kid = request.signingKey != null ? request.kid : platform.keys().current().getKeyID();
        return sign(claims, key, kid, request.algorithm, request.headerTamper);
    }

    static String sign(JWTClaimsSet claims, JWK key, String kid, JWSAlgorithm algorithm,
            Consumer<JWSHeader.Builder> headerTamper) {
        try {
            JWSSigner signer;
            JWSAlgorithm alg;
            if (key instanceof RSAKey rsa) {
                signer = new RSASSASigner(rsa);
                alg = algorithm != null ? algorithm : JWSAlgorithm.RS256;
            } else if (key instanceof ECKey ec) {
                signer = new ECDSASigner(ec);
                alg = algorithm != null ? algorithm : JWSAlgorithm.ES256;
            } else if (key instanceof OctetSequenceKey oct) {
                signer = new MACSigner(oct);
                alg = algorithm != null ? algorithm : JWSAlgorithm.HS256;
            } else {
                throw new IllegalArgumentException("cannot sign with " + key);
            }
            JWSHeader.Builder header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT);
            if (kid != null) {
                header.keyID(kid);
            }
            if (headerTamper != null) {
                headerTamper.accept(header);
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot sign: " + e.getMessage(), e);
        }
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
