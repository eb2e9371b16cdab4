namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// Combines a sequence with an associative operation as a balanced binary tree, keeping left-to-right
/// order: ((a·b)·(c·d))·e instead of (((a·b)·c)·d)·e. Used for sums and products of many terms, whose
/// cost is dominated by copying the partial results: a left fold copies the growing partial sum once per
/// term (quadratic), a balanced fold copies each term O(log n) times.
/// </summary>
/// <remarks>
/// Hand-written because no served library offers an order-preserving pairwise fold. It works like a binary
/// counter: items are combined as soon as two neighbours hold the same number of items, so the items are
/// consumed in order (one pass, at most log₂ n partial results held at once) and every combination has the
/// earlier items on the left. For an associative operation with a canonical result (exact polynomial and
/// rational-function arithmetic), the result is identical to the left fold's.
/// </remarks>
internal static class BalancedFold
{
    /// <summary>The combination of <paramref name="items"/> (at least one) under <paramref name="combine"/>.</summary>
    public static T Fold<T>(IEnumerable<T> items, Func<T, T, T> combine)
    {
        var stack = new List<(T Value, long Size)>();
        foreach (var item in items)
        {
            var top = (Value: item, Size: 1L);
            while (stack.Count > 0 && stack[^1].Size == top.Size)
            {
                var left = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                top = (combine(left.Value, top.Value), left.Size + top.Size);
            }
            stack.Add(top);
        }
        if (stack.Count == 0) throw new ArgumentException("nothing to combine", nameof(items));
        // The rest, from the right: every partial result on the stack holds earlier items than the one above it.
        var result = stack[^1].Value;
        for (int i = stack.Count - 2; i >= 0; i--) result = combine(stack[i].Value, result);
        return result;
    }
}
