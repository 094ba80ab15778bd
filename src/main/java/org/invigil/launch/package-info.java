/**
 * LTI 1.3 launches: third-party initiated login (OIDC, Security Framework 1.0 §5.1.1), the id_token checks of
 * §5.1.3 one method each, and the typed claims of LTI Core 1.3 §5 (message, context, resource link, roles) and of
 * the services and messages Invigil uses (AGS, NRPS, Deep Linking 2.0, Proctoring Services 1.0).
 */
package org.invigil.launch;
