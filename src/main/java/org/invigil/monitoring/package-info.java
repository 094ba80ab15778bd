/**
 * Monitoring during the exam: frames and browser events received exactly once by client sequence number, the
 * analysis kept as observations (the frames dropped), and the rules that turn observations and events into
 * explainable incidents backed by evidence frames sealed under the session's data key.
 */
package org.invigil.monitoring;
