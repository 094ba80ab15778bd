/**
 * Invigil: exam proctoring for learning management systems over LTI 1.3 Advantage.
 * <p>
 * Packages follow the product ({@code registration}, {@code keys}, {@code launch}, ...), each split into
 * {@code boundary} (HTTP), {@code control} (logic) and {@code entity} (state) as it needs.
 */
package org.invigil;
