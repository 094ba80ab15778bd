package org.invigil;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.invigil.elsewhere.control.PlantedCaller;
import org.invigil.planted.control.PlantedExams;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule, checked over the compiled classes of {@code src/main/java} (see src/site/architecture.md).
 *
 * <p>A component is a top-level package under {@code org.invigil}; its classes live in {@code boundary}, {@code
 * control} and {@code entity}. Rules that the code does not keep yet carry the list of today's violations, by name:
 * a violation not on its list fails the build, and so does an entry that no longer happens (remove it), so the lists
 * only shrink.
 */
class ArchitectureTest {

    /** Every component, so that a new top-level package is a decision that shows here and in architecture.md. */
    static final Set<String> COMPONENTS = Set.of(
            "access",
            "advantage",
            "application",
            "assessment",
            "audit",
            "crypto",
            "deeplinking",
            "exam",
            "grades",
            "identity",
            "ids",
            "integrity",
            "journey",
            "json",
            "keys",
            "launch",
            "monitoring",
            "notification",
            "outbound",
            "persistence",
            "readiness",
            "refusal",
            "registration",
            "report",
            "review",
            "roster",
            "screens",
            "session",
            "vision",
            "web");

    /**
     * The composition root: the two JAX-RS applications and the resources each one serves. It may reach every
     * component's boundary; nothing may depend on it.
     */
    static final String COMPOSITION_ROOT = "application";

    /**
     * Plumbing that boundaries share, with the only components each may use itself: {@code web} (HTTP answers,
     * pages, problems) and {@code screens} (who is signed in on the staff's Faces screens).
     */
    static final Map<String, Set<String>> PLUMBING = Map.of(
            "web", Set.of("json", "refusal"),
            "screens", Set.of("access", "ids", "refusal", "web"));

    /** Rule (a), frozen: component dependencies that lie on a cycle today ("from -> to"). */
    static final Set<String> KNOWN_CYCLE_EDGES = Set.of();

    /** Rule (d), frozen: classes outside a boundary that use {@code web} (or other plumbing) today ("from -> to"). */
    static final Set<String> KNOWN_WEB_OUTSIDE_BOUNDARIES = Set.of();

    /**
     * Rule (f), frozen: public control methods that another component calls and that still take an id that crosses
     * components as a bare {@code String} ("Class.method(parameter)"). The ids of {@link #CROSSING_IDS} have value
     * types in {@code ids.entity}.
     */
    static final Set<String> KNOWN_STRING_IDS = Set.of();

    /** Parameter names of the ids that have value types (the build compiles with {@code -parameters}). */
    static final Set<String> CROSSING_IDS = Set.of("examId", "sessionId", "platformId", "registrationId", "userId");

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.invigil");

    static final Set<Use> USES = uses(CLASSES);

    @Test
    void everyComponentIsDeclared() {
        Set<String> found = USES.stream().map(use -> use.from().component()).collect(Collectors.toSet());
        CLASSES.stream().map(Unit::of).filter(unit -> unit != null).forEach(unit -> found.add(unit.component()));
        assertEquals(new TreeSet<>(COMPONENTS), new TreeSet<>(found),
                "the components under org.invigil differ from ArchitectureTest.COMPONENTS (and architecture.md)");
    }

    @Test
    void architectureMdDrawsTheComponentGraph() throws IOException {
        String doc = Files.readString(Path.of("src/site/architecture.md"));
        Matcher arrow = Pattern.compile("^ *([a-z]+) (-->|-\\.->) ([a-z]+) *$", Pattern.MULTILINE).matcher(doc);
        SortedSet<String> drawn = new TreeSet<>();
        while (arrow.find()) {
            drawn.add(arrow.group(1) + " " + arrow.group(2) + " " + arrow.group(3));
        }
        SortedSet<String> graph = drawing(USES);
        SortedSet<String> missing = new TreeSet<>(graph);
        missing.removeAll(drawn);
        SortedSet<String> extra = new TreeSet<>(drawn);
        extra.removeAll(graph);
        assertAll(
                () -> assertTrue(missing.isEmpty(),
                        "src/site/architecture.md: draw\n    " + String.join("\n    ", missing)),
                () -> assertTrue(extra.isEmpty(),
                        "src/site/architecture.md: remove\n    " + String.join("\n    ", extra)),
                () -> COMPONENTS.forEach(component -> assertTrue(doc.contains("\n### `" + component + "`"),
                        "src/site/architecture.md: a paragraph on " + component)));
    }

    @Test
    void componentsAreFreeOfCycles() {
        assertFrozen("(a) component dependencies on a cycle", cycleEdges(USES), KNOWN_CYCLE_EDGES);
    }

    @Test
    void entitiesUseNoControlAndNoBoundary() {
        noClasses().that().resideInAPackage("org.invigil.*.entity..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("org.invigil.*.control..", "org.invigil.*.boundary..")
                .because("(b) an entity is the inner layer of a component")
                .check(CLASSES);
    }

    @Test
    void controlsUseNoBoundary() {
        noClasses().that().resideInAPackage("org.invigil.*.control..")
                .should().dependOnClassesThat().resideInAPackage("org.invigil.*.boundary..")
                .because("(b) boundary -> control -> entity: a control never reaches back to a boundary")
                .check(CLASSES);
    }

    @Test
    void anotherComponentIsUsedThroughItsControlOrEntity() {
        assertEquals(Set.of(), crossings(USES), "(c) another component's boundary used");
    }

    @Test
    void nothingDependsOnTheCompositionRoot() {
        noClasses().that().resideOutsideOfPackage("org.invigil." + COMPOSITION_ROOT + "..")
                .should().dependOnClassesThat().resideInAPackage("org.invigil." + COMPOSITION_ROOT + "..")
                .because("the composition root wires components; none of them knows it")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void onlyBoundariesUsePlumbing() {
        assertFrozen("(d) web or screens used outside a boundary", plumbingOutsideBoundaries(USES),
                KNOWN_WEB_OUTSIDE_BOUNDARIES);
    }

    @Test
    void plumbingKnowsNoFeature() {
        assertEquals(Set.of(), plumbingOverreach(USES), "plumbing reaches beyond what PLUMBING allows it");
    }

    @Test
    void controlsSpeakNoJaxRs() {
        noClasses().that().resideInAnyPackage("org.invigil.*.control..", "org.invigil.*.entity..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
                .because("(e) HTTP is the boundary's business")
                .check(CLASSES);
    }

    @Test
    void controlsOthersCallTakeIdsAsValueTypes() {
        assertFrozen("(f) a String id in a control method another component calls", stringIds(CLASSES),
                KNOWN_STRING_IDS);
    }

    /** "Class.method(parameter)": a String parameter named like a crossing id, of a control method others call. */
    static SortedSet<String> stringIds(JavaClasses classes) {
        SortedSet<String> found = new TreeSet<>();
        for (JavaClass owner : classes) {
            Unit unit = Unit.of(owner);
            if (unit == null || !unit.layer().equals("control")) {
                continue;
            }
            for (JavaMethod method : owner.getMethods()) {
                boolean calledFromElsewhere = method.getModifiers().contains(JavaModifier.PUBLIC)
                        && method.getCallsOfSelf().stream().map(call -> Unit.of(call.getOriginOwner()))
                        .anyMatch(caller -> caller != null && !caller.component().equals(unit.component()));
                if (!calledFromElsewhere) {
                    continue;
                }
                for (Parameter parameter : method.reflect().getParameters()) {
                    if (parameter.getType() == String.class && CROSSING_IDS.contains(parameter.getName())) {
                        found.add(owner.getSimpleName() + "." + method.getName() + "(" + parameter.getName() + ")");
                    }
                }
            }
        }
        return found;
    }

    // The checks must be able to fail: they see the classes, and each finds a violation planted in a small graph.

    @Test
    void theImportSeesTheApplication() {
        assertTrue(CLASSES.size() > 200, "classes imported: " + CLASSES.size());
        assertTrue(USES.contains(new Use(new Unit("launch", "control", "launch.control.IdTokenVerifier"),
                new Unit("registration", "entity", "registration.entity.PlatformRegistration"))), "a known use");
    }

    @Test
    void aPlantedCycleIsFoundAndATreeIsNot() {
        Use examToGrades = use("exam.control.Exams", "grades.control.Gradebook");
        Use gradesToExam = use("grades.control.Gradebook", "exam.entity.Exam");
        Use gradesToOutbound = use("grades.control.Gradebook", "outbound.control.PlatformHttp");
        assertEquals(Set.of("exam -> grades", "grades -> exam"),
                cycleEdges(Set.of(examToGrades, gradesToExam, gradesToOutbound)));
        assertTrue(cycleEdges(Set.of(examToGrades, gradesToOutbound)).isEmpty());
    }

    @Test
    void theDrawingLeavesOutWhatAnotherArrowImplies() {
        assertEquals(Set.of("review --> exam", "exam --> access"),
                drawing(Set.of(use("review.control.Reviews", "exam.control.Exams"),
                        use("review.control.Reviews", "access.control.StaffAccess"),
                        use("exam.control.Exams", "access.entity.ToolSession"))));
        assertEquals(Set.of("exam -.-> grades", "grades -.-> exam"),
                drawing(Set.of(use("exam.control.Exams", "grades.control.Gradebook"),
                        use("grades.control.Gradebook", "exam.entity.Exam"))));
    }

    @Test
    void plantedCrossingsAreFound() {
        assertEquals(Set.of("exam.boundary.ExamSettingsView -> review.boundary.ReviewQueueView"),
                crossings(Set.of(use("exam.boundary.ExamSettingsView", "review.boundary.ReviewQueueView"),
                        use("exam.boundary.ExamSettingsView", "session.control.Accommodations"),
                        use("exam.boundary.ExamSettingsView", "web.boundary.SessionIds"),
                        use("exam.boundary.ExamSettingsView", "screens.boundary.ReviewerLogin"),
                        use("application.boundary.Endpoints", "exam.boundary.ExamPagesResource"))));
        assertEquals(Set.of("exam.control.ExamUnknown -> web.control.Problem"),
                plumbingOutsideBoundaries(Set.of(use("exam.control.ExamUnknown", "web.control.Problem"),
                        use("exam.boundary.ExamPages", "web.boundary.Page"),
                        use("web.boundary.ProblemMapper", "web.control.Problem"))));
        assertEquals(Set.of("web.boundary.Endpoints -> exam.boundary.ExamPagesResource"),
                plumbingOverreach(Set.of(use("web.boundary.Endpoints", "exam.boundary.ExamPagesResource"),
                        use("screens.boundary.ReviewerLogin", "access.control.ToolSessions"))));
    }

    @Test
    void aPlantedStringIdIsFound() {
        assertEquals(Set.of("PlantedExams.find(examId)"), stringIds(new ClassFileImporter()
                .importClasses(PlantedExams.class, PlantedCaller.class)),
                "typed ids, other parameters and methods only their own component calls are not flagged");
    }

    // -----------------------------------------------------------------------------------------------------------

    /** A top-level class of a component, named relative to {@code org.invigil}. */
    record Unit(String component, String layer, String name) {

        static Unit of(JavaClass javaClass) {
            JavaClass type = javaClass;
            while (type.isArray()) {
                type = type.getComponentType();
            }
            String name = type.getName();
            if (!name.startsWith("org.invigil.")) {
                return null;
            }
            int nested = name.indexOf('$');
            return named((nested < 0 ? name : name.substring(0, nested)).substring("org.invigil.".length()));
        }

        static Unit named(String relative) {
            String[] parts = relative.split("\\.");
            if (parts.length < 2) {
                return null; // org.invigil's own package-info
            }
            return new Unit(parts[0], parts.length > 2 ? parts[1] : "", relative);
        }
    }

    /** One class using another (by field, signature, call, annotation, ...). */
    record Use(Unit from, Unit to) {

        boolean crossesComponents() {
            return !from.component().equals(to.component());
        }

        @Override
        public String toString() {
            return from.name() + " -> " + to.name();
        }
    }

    static Use use(String from, String to) {
        return new Use(Unit.named(from), Unit.named(to));
    }

    static Set<Use> uses(JavaClasses classes) {
        Set<Use> uses = new HashSet<>();
        for (JavaClass javaClass : classes) {
            Unit from = Unit.of(javaClass);
            if (from == null) {
                continue;
            }
            for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                Unit to = Unit.of(dependency.getTargetClass());
                if (to != null && !to.name().equals(from.name())) {
                    uses.add(new Use(from, to));
                }
            }
        }
        return uses;
    }

    static SortedSet<String> names(Set<Use> uses, Predicate<Use> broken) {
        return uses.stream().filter(broken).map(Use::toString).collect(Collectors.toCollection(TreeSet::new));
    }

    static SortedSet<String> crossings(Set<Use> uses) {
        return names(uses, use -> use.crossesComponents()
                && !use.from().component().equals(COMPOSITION_ROOT)
                && !PLUMBING.containsKey(use.to().component())
                && !use.to().layer().equals("control") && !use.to().layer().equals("entity"));
    }

    static SortedSet<String> plumbingOutsideBoundaries(Set<Use> uses) {
        return names(uses, use -> use.crossesComponents() && PLUMBING.containsKey(use.to().component())
                && !use.from().layer().equals("boundary"));
    }

    static SortedSet<String> plumbingOverreach(Set<Use> uses) {
        return names(uses, use -> use.crossesComponents() && PLUMBING.containsKey(use.from().component())
                && !PLUMBING.get(use.from().component()).contains(use.to().component()));
    }

    /**
     * The component graph as architecture.md draws it: "a --> b" where a depends on b and no other dependency of a
     * already leads to b from outside b's cycle (the transitive reduction), and "a -.-> b" for each dependency on a
     * cycle.
     */
    static SortedSet<String> drawing(Set<Use> uses) {
        SortedMap<String, SortedSet<String>> graph = graph(uses);
        SortedSet<String> drawn = new TreeSet<>();
        graph.forEach((from, tos) -> tos.forEach(to -> {
            if (reaches(graph, to, from)) {
                drawn.add(from + " -.-> " + to);
            } else if (tos.stream().noneMatch(via -> !via.equals(to) && !reaches(graph, via, from)
                    && reaches(graph, via, to) && !reaches(graph, to, via))) {
                drawn.add(from + " --> " + to);
            }
        }));
        return drawn;
    }

    static SortedMap<String, SortedSet<String>> graph(Set<Use> uses) {
        SortedMap<String, SortedSet<String>> graph = new TreeMap<>();
        uses.stream().filter(Use::crossesComponents).forEach(use ->
                graph.computeIfAbsent(use.from().component(), c -> new TreeSet<>()).add(use.to().component()));
        return graph;
    }

    /** The component dependencies "a -> b" where b reaches a again. */
    static SortedSet<String> cycleEdges(Set<Use> uses) {
        SortedMap<String, SortedSet<String>> graph = graph(uses);
        SortedSet<String> onCycle = new TreeSet<>();
        graph.forEach((from, tos) -> tos.stream().filter(to -> reaches(graph, to, from))
                .forEach(to -> onCycle.add(from + " -> " + to)));
        return onCycle;
    }

    static boolean reaches(Map<String, SortedSet<String>> graph, String start, String goal) {
        Deque<String> todo = new ArrayDeque<>(Set.of(start));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String component = todo.pop();
            if (component.equals(goal)) {
                return true;
            }
            if (seen.add(component)) {
                todo.addAll(graph.getOrDefault(component, new TreeSet<>()));
            }
        }
        return false;
    }

    static void assertFrozen(String rule, SortedSet<String> found, Set<String> known) {
        SortedSet<String> added = new TreeSet<>(found);
        added.removeAll(known);
        SortedSet<String> gone = new TreeSet<>(known);
        gone.removeAll(found);
        assertAll(
                () -> assertTrue(added.isEmpty(), rule + ": new violations, fix them (the list only shrinks):\n  "
                        + String.join("\n  ", added)),
                () -> assertTrue(gone.isEmpty(), rule + ": fixed, remove from the list of known violations:\n  "
                        + String.join("\n  ", gone)));
    }
}
