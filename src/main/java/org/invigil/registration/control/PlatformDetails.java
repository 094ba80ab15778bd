package org.invigil.registration.control;

import java.util.List;
import java.util.Set;
import org.invigil.registration.entity.PlatformEndpoints;

/** What is known of a platform when it is registered, by Dynamic Registration or by the administrator. */
public record PlatformDetails(String issuer, String clientId, List<String> deploymentIds, PlatformEndpoints endpoints,
                              String name, String productFamilyCode, Set<String> scopes) {

    public PlatformDetails {
        deploymentIds = deploymentIds == null ? List.of() : List.copyOf(deploymentIds);
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }
}
