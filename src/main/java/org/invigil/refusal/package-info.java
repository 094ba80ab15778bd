/**
 * Refusals: what every component throws when it will not do what it was asked, in the domain's words. A refusal
 * names its {@link org.invigil.refusal.entity.Refusal.Kind kind} (unknown, not yours, not now, invalid, ...), a
 * stable code and a sentence for the person who asked; it knows nothing of HTTP. The web boundary maps each kind to
 * its status and answers {@code application/problem+json}; the Faces screens show the sentence. Depends on nothing.
 */
package org.invigil.refusal;
