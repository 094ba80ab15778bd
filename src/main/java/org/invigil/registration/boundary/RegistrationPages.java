package org.invigil.registration.boundary;

import static org.invigil.web.boundary.Page.escape;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.stream.Collectors;
import org.invigil.registration.control.PlatformConfiguration;
import org.invigil.registration.control.ToolConfiguration;
import org.invigil.registration.entity.PlatformRegistration;
import org.invigil.web.boundary.Page;

/** The two pages of Dynamic Registration: confirm, and done. */
final class RegistrationPages {

    private RegistrationPages() {
    }

    static String confirm(PlatformConfiguration platform, String openidConfiguration, String registrationToken,
                          JsonObject toolConfiguration, String action) {
        JsonObject lti = toolConfiguration.getJsonObject(ToolConfiguration.LTI_TOOL_CONFIGURATION);
        String scopes = List.of(toolConfiguration.getString("scope").split(" ")).stream()
                .map(scope -> "<li><code>" + escape(scope) + "</code></li>").collect(Collectors.joining());
        String claims = lti.getJsonArray("claims").getValuesAs(JsonValue::toString).stream()
                .map(claim -> escape(claim.replace("\"", ""))).collect(Collectors.joining(", "));
        String body = """
                <h1>Register Invigil with %s</h1>
                <dl class="facts">
                  <dt>Platform</dt><dd>%s</dd>
                  <dt>Issuer</dt><dd><code>%s</code></dd>
                  <dt>Invigil's address</dt><dd><code>%s</code></dd>
                </dl>
                <h2>What Invigil asks for</h2>
                <ul>%s</ul>
                <p>Launch details: %s. The picture is used only as a reference photo for identity checks where the
                platform sends one (Canvas does with the <em>public</em> privacy level; Moodle never does).</p>
                <form method="post" action="%s">
                  <input type="hidden" name="openid_configuration" value="%s">
                  <input type="hidden" name="registration_token" value="%s">
                  <button type="submit">Register</button>
                </form>
                """.formatted(escape(platform.displayName()), escape(platform.displayName()),
                escape(platform.issuer()), escape(lti.getString("domain")), scopes, claims, escape(action),
                escape(openidConfiguration), escape(registrationToken == null ? "" : registrationToken));
        return Page.render("Register Invigil", body);
    }

    static String done(PlatformConfiguration platform, PlatformRegistration registered) {
        String body = """
                <h1>Invigil is registered</h1>
                <p class="ok">%s accepted the registration.</p>
                <dl class="facts">
                  <dt>Issuer</dt><dd><code>%s</code></dd>
                  <dt>Client ID</dt><dd><code id="client-id">%s</code></dd>
                  <dt>Deployment</dt><dd><code id="deployment-id">%s</code></dd>
                </dl>
                <p>%s</p>
                <button type="button" id="close">Close</button>
                <script>
                  function closeRegistration() {
                    (window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');
                  }
                  document.getElementById('close').addEventListener('click', closeRegistration);
                  closeRegistration();
                </script>
                """.formatted(escape(platform.displayName()), escape(registered.issuer()),
                escape(registered.clientId()), escape(String.join(", ", registered.deployments())),
                "moodle".equalsIgnoreCase(platform.productFamilyCode())
                        ? "In Moodle, the new tool waits as <em>pending</em> until you activate it under "
                        + "<em>Manage tools</em>."
                        : "You can now add a proctored exam to a course.");
        return Page.render("Invigil is registered", body);
    }
}
