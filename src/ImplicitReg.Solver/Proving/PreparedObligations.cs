using System.Collections.Concurrent;
using ImplicitReg.Solver.Translation;

namespace ImplicitReg.Solver.Proving;

/// <summary>
/// The prepared cases of every obligation one <see cref="Prover"/> has lowered, so that each is lowered once per run.
/// Why: one obligation is asked for up to three times in a run (<c>prove</c> lowers every step of a lemma chain before
/// solving, so that a step outside exact arithmetic is bad input; the chain lowers each step again to compare its
/// domain with the statement's, and the prover once more to solve it), and each time is the same work (sign cases,
/// roots, linear elimination). Keyed by the obligation's value (name, assumptions in order, goal), since the cases
/// carry the name.
/// Thread-safe; an obligation that cannot be lowered (or whose lowering fails) throws again each time it is asked for.
/// </summary>
internal sealed class PreparedObligations(ProverOptions options)
{
    private readonly ConcurrentDictionary<Obligation, Lazy<IReadOnlyList<PreparedCase>>> _cases = new(ByValue.Instance);

    /// <summary>The options the cases are prepared with (the prover's).</summary>
    public ProverOptions Options { get; } = options;

    /// <summary>The cases of <paramref name="obligation"/> (normalized), lowered on the first request only.</summary>
    public IReadOnlyList<PreparedCase> Of(Obligation obligation)
    {
        var key = obligation.Normalized();
        var entry = _cases.GetOrAdd(key, k => new Lazy<IReadOnlyList<PreparedCase>>(() => Lower(k), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // Not kept, whatever the failure (not only UntranslatableException): a Lazy caches its exception, so the entry
            // would rethrow one exception object (and its first stack) to every later caller, for the prover's lifetime.
            _cases.TryRemove(new KeyValuePair<Obligation, Lazy<IReadOnlyList<PreparedCase>>>(key, entry));
            throw;
        }
    }

    // Splits abs into sign cases, lowers each to polynomial arithmetic, eliminates linearly defined symbols.
    private IReadOnlyList<PreparedCase> Lower(Obligation normalized)
    {
        var cases = Options.SplitAbs ? AbsCaseSplit.Apply(normalized) : [normalized];
        return cases.Select(c =>
        {
            var lowered = Lowering.Apply(c);
            var (reduced, eliminated) = Options.EliminateDefinitions ? LinearElimination.Apply(lowered) : (lowered, []);
            return new PreparedCase(c, reduced, eliminated);
        }).ToList().AsReadOnly();
    }

    // Obligation is a record, but its assumptions are a list, which records compare by reference.
    private sealed class ByValue : IEqualityComparer<Obligation>
    {
        public static readonly ByValue Instance = new();

        public bool Equals(Obligation? x, Obligation? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && string.Equals(x.Name, y.Name, StringComparison.Ordinal)
                && x.Goal.Equals(y.Goal) && x.Assumptions.SequenceEqual(y.Assumptions));

        public int GetHashCode(Obligation o)
        {
            var hash = new HashCode();
            hash.Add(o.Name, StringComparer.Ordinal);
            hash.Add(o.Goal);
            foreach (var a in o.Assumptions) hash.Add(a);
            return hash.ToHashCode();
        }
    }
}
