/**
 * Which platforms (LMS installations) may launch Invigil: their issuer, client id, deployments and endpoints,
 * registered by LTI Dynamic Registration 1.0 (§3: discovery, §3.3 tool configuration, §3.6 registration) or by
 * hand by the tool administrator.
 */
package org.invigil.registration;
