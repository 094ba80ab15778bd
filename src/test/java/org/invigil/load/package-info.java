/**
 * The end-to-end load benchmark: how many students one Invigil holds, measured on the real WAR on Payara Micro
 * over real HTTP, with the LTI platform simulator as the LMS and real face photos as the webcam. Run by
 * {@code mvn -q -Pload package} ({@link org.invigil.load.LoadBenchmark}), never by the tests: timing lives in
 * benchmarks.
 *
 * <h2>Pieces</h2>
 * <ul>
 * <li>{@link org.invigil.load.Cohort}: one step's students in a course and exam of their own, brought to monitoring
 * through launch, consent, camera check and identity check, and ended afterwards.</li>
 * <li>{@link org.invigil.load.SimulatedMonitor}: one student's monitor sending pictures and events on the browser
 * client's rhythm, one request at a time, latency counted from when each item was due.</li>
 * <li>{@link org.invigil.load.IncidentWatch}: the instructor asking the review API for the incident a second person
 * causes.</li>
 * <li>{@link org.invigil.load.MonitoringPhase}: one steady phase and its figures; {@link org.invigil.load.ProcessCpu}
 * reads the CPU time of Invigil's process and of the generator from {@code /proc}.</li>
 * </ul>
 */
package org.invigil.load;
