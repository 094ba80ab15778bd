package org.invigil.registration.control;

import java.util.List;

/**
 * A platform's OpenID configuration as Dynamic Registration 1.0 §3.4 describes it: the OAuth/OIDC endpoints and the
 * {@code lti-platform-configuration} member.
 */
public record PlatformConfiguration(String configurationUrl, String issuer, String authorizationEndpoint,
                                    String tokenEndpoint, String jwksUri, String registrationEndpoint,
                                    String tokenAudience, String productFamilyCode, String productVersion,
                                    List<String> scopesSupported, List<String> messagesSupported) {

    public PlatformConfiguration {
        scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
        messagesSupported = messagesSupported == null ? List.of() : List.copyOf(messagesSupported);
    }

    /** The product as people call it: "Moodle 4.5", "Canvas", or the issuer when the platform does not say. */
    public String displayName() {
        if (productFamilyCode == null || productFamilyCode.isBlank()) {
            return issuer;
        }
        String family = Character.toUpperCase(productFamilyCode.charAt(0)) + productFamilyCode.substring(1);
        return productVersion == null || productVersion.isBlank() ? family : family + " " + productVersion;
    }
}
