using System.Diagnostics;
using System.Numerics;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>Limits of <see cref="RationalWitness.Search"/>.</summary>
public sealed record WitnessOptions
{
    /// <summary>
    /// Solver calls the search may make; past them it gives up and the algebraic counterexample stays. A count, not a
    /// time, so that the same inputs give the same witness on a loaded machine.
    /// </summary>
    public int MaxChecks { get; init; } = 24;

    /// <summary>A wall-clock cap on the whole search besides <see cref="MaxChecks"/> (a safety net: it only binds when calls time out).</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Time limit of each solver call that completes a partly pinned point.</summary>
    public TimeSpan PerCheck { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest common denominator tried when an equation forces an irrational coordinate.</summary>
    public int MaxDenominator { get; init; } = 64;

    /// <summary>Receives one line per step of the search (diagnostics; null: silent).</summary>
    public Action<string>? Trace { get; init; }
}

/// <summary>
/// Looks for a counterexample with rational coordinates only, near an algebraic one a solver found, so that a
/// certificate can pin every coordinate and any solver replays the refutation by checking a point. Generic: it
/// knows nothing of the statement but its lowered assertions. Two moves, repeated while a coordinate is irrational
/// (root variables first, whose value makes their radicand rational):
/// <list type="bullet">
/// <item>pin the coordinate to ever finer simple rationals and let the solver complete the rest (open conditions);</item>
/// <item>when an equation forces it (no pin is satisfiable), choose the equation's other coordinates on a grid of
/// common denominator Q = 1, 2, … near their values and solve the equation exactly for it (degree ≤ 2: a rational root
/// exists when the discriminant is a rational square).</item>
/// </list>
/// Each point the solver accepts is re-evaluated: the result satisfies every assertion in exact arithmetic, or the
/// search returns null (bounded by <see cref="WitnessOptions.Budget"/>). A statement whose counterexamples are all
/// irrational (<c>x^2 = 2</c>) has none, and nothing is returned. Deterministic for a deterministic backend.
/// </summary>
public static class RationalWitness
{
    /// <summary>Calls of the solver per grid search (the grid's candidates are first filtered by exact evaluation).</summary>
    private const int MaxGridChecks = 12;

    /// <summary>
    /// Coordinates a grid moves at most (the grid grows as Q^k). The grid's duplicate check keys a candidate by its root
    /// and exactly this many coordinates, so the two must change together.
    /// </summary>
    private const int MaxMoving = 3;

    /// <summary>
    /// An all-rational model of <paramref name="problem"/>'s assertions near <paramref name="model"/>, or null (none found
    /// in the budget, or the model is rational already).
    /// </summary>
    public static IReadOnlyDictionary<string, ModelValue>? Search(LoweredProblem problem, IReadOnlyDictionary<string, ModelValue> model,
        ISolverBackend backend, WitnessOptions? options = null, CancellationToken cancel = default)
    {
        options ??= new WitnessOptions();
        var search = new State(problem, backend, options, cancel);
        var variables = search.Order;
        var current = variables.ToDictionary(v => v.Name, v => model.TryGetValue(v.Name, out var m) ? m : ModelValue.Exact(0), StringComparer.Ordinal);
        if (current.Values.All(m => m.IsExact)) return null;
        // A root of a constant (sqrt(5)) is the same irrational at every point: no rational counterexample pins it.
        if (problem.Auxiliaries.Any(a => Algebra.FreeSymbols(a.Stands).Count == 0 && !current[a.Symbol.Name].IsExact)) return null;
        for (var round = 0; round < 4 * variables.Count && !search.OutOfTime; round++)
        {
            var irrational = variables.FirstOrDefault(v => !current[v.Name].IsExact);
            if (irrational is null) return Holds(problem, current) ? current : null;
            // A coordinate an equation determines from pinned ones cannot be pinned apart: solve for it at once.
            var next = (search.Forced(irrational) ? null : search.Pin(irrational, current)) ?? search.Solve(irrational, current);
            if (next is null) return null;
            current = next;
        }
        return null;
    }

    /// <summary>True when every assertion of <paramref name="problem"/> holds at the rational point, in exact arithmetic.</summary>
    public static bool Holds(LoweredProblem problem, IReadOnlyDictionary<string, ModelValue> point) =>
        point.Values.All(v => v.IsExact) && problem.Assertions.All(a => PointTruth.Evaluate(a, point) is (Truth.True, false));

    private sealed class State(LoweredProblem problem, ISolverBackend backend, WitnessOptions options, CancellationToken cancel)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly Dictionary<string, Rational> _pins = new(StringComparer.Ordinal);

        /// <summary>Root variables first (pinning one makes its radicand rational), then the obligation's own, as declared.</summary>
        public List<Sym> Order { get; } =
            problem.Auxiliaries.Select(a => a.Symbol).Where(s => s.Name.StartsWith("sqrt", StringComparison.Ordinal))
                .Concat(problem.AllVariables).Distinct().ToList();

        private int _checks;

        public bool OutOfTime => _checks >= options.MaxChecks || _clock.Elapsed >= options.Budget || cancel.IsCancellationRequested;

        /// <summary>True when an equation's other coordinates are all pinned: it fixes v.</summary>
        public bool Forced(Sym v) => problem.Assertions.OfType<Rel>().Any(r => r.Op == RelOp.Eq && Algebra.DependsOn(r, v)
            && Algebra.FreeSymbols(r).All(s => s.Equals(v) || _pins.ContainsKey(s.Name)));

        /// <summary>The first of ever finer approximations of v that the solver can complete to a model.</summary>
        public Dictionary<string, ModelValue>? Pin(Sym v, IReadOnlyDictionary<string, ModelValue> current)
        {
            foreach (var r in RationalPoints.Approximations(current[v.Name], 6))
            {
                if (OutOfTime) return null;
                var trial = new Dictionary<string, Rational>(_pins, StringComparer.Ordinal) { [v.Name] = r };
                if (Complete(trial) is { } model) return model;
            }
            return null;
        }

        /// <summary>Grid points for v's equation's other coordinates at which the equation has a rational root for v.</summary>
        public Dictionary<string, ModelValue>? Solve(Sym v, IReadOnlyDictionary<string, ModelValue> current)
        {
            foreach (var eq in problem.Assertions.OfType<Rel>().Where(r => r.Op == RelOp.Eq && Algebra.DependsOn(r, v)))
            {
                var polynomial = Algebra.Expand(Expr.Sub(eq.Left, eq.Right));
                if (RationalPoints.Quadratic(polynomial, v) is not { } quadratic) continue;
                var others = Order.Where(s => !s.Equals(v) && Algebra.DependsOn(polynomial, s)).ToList();
                // At most MaxMoving coordinates move (the grid grows as Q^k); the rest keep their values, which must be rational.
                var moving = others.Where(s => !current[s.Name].IsExact).Concat(others).Distinct().Take(MaxMoving).ToList();
                if (others.Except(moving).Any(s => !current[s.Name].IsExact)) continue;
                if (Grid(v, quadratic, moving, others.Except(moving).ToList(), current) is { } model) return model;
            }
            return null;
        }

        private Dictionary<string, ModelValue>? Grid(Sym v, (Expr, Expr, Expr) quadratic, List<Sym> moving, List<Sym> held,
            IReadOnlyDictionary<string, ModelValue> current)
        {
            var centre = current.ToDictionary(kv => kv.Key, kv => (kv.Value.Lower + kv.Value.Upper) * Rational.Half, StringComparer.Ordinal);
            var near = centre[v.Name];
            var window = Window(near);
            // A candidate is its root and its moving coordinates (at most three): the pins and the held coordinates stay
            // the same throughout the grid (the pins change only when a candidate is accepted, which ends it).
            var tried = new HashSet<(Rational, Rational, Rational, Rational)>();
            // Reused by every candidate, which overwrites the moving coordinates (why: the grid has thousands of points):
            // the point for the roots (held, then moving, the order trials list them in) and the point Plausible evaluates.
            var point = held.ToDictionary(s => s.Name, s => current[s.Name].Lower, StringComparer.Ordinal);
            foreach (var s in moving) point[s.Name] = Rational.Zero;
            var plausible = Overlaid(current, point);
            var checks = 0;
            for (var q = 1; q <= options.MaxDenominator; q++)
            {
                // Numerators within 1/16 (relative, at least absolute) of each moving coordinate's value.
                var ranges = moving.Select(s => Range(centre[s.Name], q)).ToList();
                foreach (var numerators in Product(ranges))
                {
                    if (OutOfTime) return null;
                    for (var i = 0; i < moving.Count; i++) point[moving[i].Name] = new Rational(numerators[i], q);
                    foreach (var root in RationalPoints.Roots(quadratic, point, near))
                    {
                        if ((root - near).Abs() > window) continue;
                        if (!tried.Add(Key(root, moving, point))) continue;
                        // Cheap filter first: every assertion all of whose coordinates are now rational must hold exactly.
                        plausible[v.Name] = ModelValue.Exact(root);
                        foreach (var s in moving) plausible[s.Name] = ModelValue.Exact(point[s.Name]);
                        if (!Plausible(plausible)) continue;
                        if (++checks > MaxGridChecks) return null;
                        var trial = new Dictionary<string, Rational>(_pins, StringComparer.Ordinal) { [v.Name] = root };
                        foreach (var (name, value) in point) trial[name] = value;
                        if (Complete(trial) is { } model) return model;
                    }
                }
            }
            return null;
        }

        // The candidate's root and moving coordinates (Solve moves at most MaxMoving = 3, the tuple's width), unused ones 0:
        // no allocation per candidate.
        private static (Rational, Rational, Rational, Rational) Key(Rational root, List<Sym> moving, Dictionary<string, Rational> point)
        {
            // A wider grid with this key would treat different candidates as one and skip them: refuse it loudly.
            if (moving.Count > 3) throw new InvalidOperationException($"the grid's key holds 3 moving coordinates, not {moving.Count}: widen Key with MaxMoving");
            Rational At(int i) => i < moving.Count ? point[moving[i].Name] : Rational.Zero;
            return (root, At(0), At(1), At(2));
        }

        private static Rational Window(Rational x) => (x.Abs() > Rational.One ? x.Abs() : Rational.One) / 16;

        private static List<BigInteger> Range(Rational centre, int q)
        {
            var w = Window(centre);
            var lo = ((centre - w) * q).Floor();
            var hi = ((centre + w) * q).Floor() + 1;
            var mid = (centre * q).Floor();
            // Nearest numerators first, so that the grid is searched outwards from the solver's point.
            var list = new List<BigInteger>();
            for (var k = lo; k <= hi; k++) list.Add(k);
            return list.OrderBy(k => BigInteger.Abs(k - mid)).ThenBy(k => k).ToList();
        }

        private static IEnumerable<BigInteger[]> Product(List<List<BigInteger>> ranges)
        {
            IEnumerable<BigInteger[]> acc = [[]];
            foreach (var r in ranges) acc = acc.SelectMany(prefix => r.Select(k => (BigInteger[])[.. prefix, k]));
            return acc;
        }

        /// <summary>
        /// <paramref name="current"/> with the coordinates of every trial of a grid that stay the same exact: the pins,
        /// then the held coordinates of <paramref name="point"/> (its moving ones are set per candidate).
        /// </summary>
        private Dictionary<string, ModelValue> Overlaid(IReadOnlyDictionary<string, ModelValue> current, Dictionary<string, Rational> point)
        {
            var overlaid = current.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            foreach (var (name, value) in _pins.Concat(point))
                if (overlaid.ContainsKey(name)) overlaid[name] = ModelValue.Exact(value);
            return overlaid;
        }

        /// <summary>The assertions whose every coordinate is pinned hold at the pins, and the others at the current point.</summary>
        private bool Plausible(Dictionary<string, ModelValue> point) =>
            problem.Assertions.All(a => PointTruth.Evaluate(a, point).Truth is not (Truth.False or Truth.Undefined));

        /// <summary>The solver's model of the problem with the pins asserted, the pins kept on success.</summary>
        private Dictionary<string, ModelValue>? Complete(Dictionary<string, Rational> trial)
        {
            var pinned = problem with
            {
                Assumptions = [.. problem.Assumptions, .. Order.Where(s => trial.ContainsKey(s.Name)).Select(s => Expr.Eq(s, Num.Of(trial[s.Name])))],
            };
            _checks++;
            var answer = backend.Check(pinned, options.PerCheck, cancel);
            options.Trace?.Invoke($"{_clock.ElapsedMilliseconds} ms: {string.Join(", ", trial.Select(kv => $"{kv.Key} = {kv.Value}"))}: {answer} in {answer.Elapsed.TotalMilliseconds:0} ms");
            if (answer is not { Outcome: SolverOutcome.Sat, Model: { } model }) return null;
            _pins.Clear();
            foreach (var (name, value) in trial) _pins[name] = value;
            return Order.ToDictionary(s => s.Name, s => model.TryGetValue(s.Name, out var m) ? m : ModelValue.Exact(0), StringComparer.Ordinal);
        }
    }
}
