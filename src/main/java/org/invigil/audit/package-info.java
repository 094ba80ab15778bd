/** The audit log: who viewed which evidence and who decided what, when; written by every review action. */
package org.invigil.audit;
