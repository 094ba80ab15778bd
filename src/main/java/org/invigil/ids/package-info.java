/**
 * Identifiers that cross components, as value types: {@link org.invigil.ids.entity.PlatformId},
 * {@link org.invigil.ids.entity.ExamId}, {@link org.invigil.ids.entity.SessionId} and
 * {@link org.invigil.ids.entity.UserId}. Each is checked once, where it enters (a path, a token, a row), so that a
 * control's signature says which id it takes and a session id cannot be passed where an exam id is meant. They live
 * below every component that passes them (registration, exam, session and access own the things they name, but
 * depend on each other), and use only {@code refusal}.
 */
package org.invigil.ids;
