package jp.twozeroseven.infra.observability.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * A compound condition: "Compound alerts let you combine multiple alert conditions into a trigger expression
 * using logical operators (AND, OR, NOT)" with parentheses, over up to five components; "When a compound alert
 * condition's trigger expression evaluates to true, New Relic opens a compound alert event"
 * (docs.newrelic.com/docs/alerts/create-alert/create-alert-condition/compound-alerts/compound-alerts and
 * .../compound-alert-events). A component is true while it has an open incident; the compound incident closes when
 * the expression turns false. NOT binds tighter than AND, AND tighter than OR.
 */
public final class CompoundEvaluator {

    public static final int MAX_COMPONENTS = 5;

    private CompoundEvaluator() {
    }

    public static List<Incident> evaluate(String triggerExpression, Map<String, List<Incident>> components) {
        if (components.isEmpty() || components.size() > MAX_COMPONENTS) {
            throw new IllegalArgumentException("a compound condition combines 1 to 5 conditions, got " + components.size());
        }
        Expression expression = new Parser(triggerExpression, components.keySet()).parse();
        TreeSet<Long> changes = new TreeSet<>();
        components.values().forEach(list -> list.forEach(i -> {
            changes.add(i.openedAt());
            i.closedAt().ifPresent(changes::add);
        }));
        List<Incident> out = new ArrayList<>();
        Incident open = null;
        for (long t : changes) {
            boolean value = expression.at(t, components);
            if (value && open == null) {
                open = Incident.open(t, Incident.Cause.COMPOUND);
            } else if (!value && open != null) {
                out.add(open.close(t, Incident.Closure.RECOVERED));
                open = null;
            }
        }
        if (open != null) {
            out.add(open);
        }
        return List.copyOf(out);
    }

    private interface Expression {
        boolean at(long t, Map<String, List<Incident>> components);
    }

    /** Recursive descent over: or := and (OR and)*; and := not (AND not)*; not := NOT not | ( or ) | alias. */
    private static final class Parser {
        private final List<String> tokens = new ArrayList<>();
        private final java.util.Set<String> aliases;
        private int next;

        Parser(String text, java.util.Set<String> aliases) {
            this.aliases = aliases;
            var m = java.util.regex.Pattern.compile("\\(|\\)|[A-Za-z0-9_]+|\\S").matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }

        Expression parse() {
            Expression e = or();
            if (next != tokens.size()) {
                throw error("unexpected '" + tokens.get(next) + "'");
            }
            return e;
        }

        private Expression or() {
            return joined("OR", this::and, Boolean::logicalOr);
        }

        private Expression and() {
            return joined("AND", this::not, Boolean::logicalAnd);
        }

        /** {@code operand (operator operand)*}, grouped from the left. */
        private Expression joined(String operator, Supplier<Expression> operand, BinaryOperator<Boolean> join) {
            Expression left = operand.get();
            while (accept(operator)) {
                Expression l = left;
                Expression r = operand.get();
                left = (t, c) -> join.apply(l.at(t, c), r.at(t, c));
            }
            return left;
        }

        private Expression not() {
            if (accept("NOT")) {
                Expression inner = not();
                return (t, c) -> !inner.at(t, c);
            }
            if (accept("(")) {
                Expression inner = or();
                if (!accept(")")) {
                    throw error("missing ')'");
                }
                return inner;
            }
            if (next >= tokens.size()) {
                throw error("ends early");
            }
            String alias = tokens.get(next++);
            if (!aliases.contains(alias)) {
                throw error("unknown alias '" + alias + "', the components are " + aliases);
            }
            return (t, c) -> c.get(alias).stream().anyMatch(i -> i.openAt(t));
        }

        private boolean accept(String token) {
            if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
                next++;
                return true;
            }
            return false;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("trigger expression '" + String.join(" ", tokens) + "': " + what);
        }
    }
}
