using System.Globalization;
using ImplicitReg.Models.Derivations;
using YamlDotNet.RepresentationModel;

namespace ImplicitReg.Claims.Tests.Catalogue;

/// <summary>One edit of a claim file: the check it breaks, what it changes, and the text span it replaces.</summary>
internal sealed record Mutation(string CheckId, string What, int Start, int End, string Replacement);

/// <summary>
/// The mutations of a claim file's expected data, found with YamlDotNet's node positions: for every check that
/// is expected to hold, each published formula is doubled, each solver statement and each predicate negated, each
/// grown quantity negated, each order band shifted by one, each tolerance made impossibly tight. Every one of them
/// makes the data false, so <c>verify</c> must then fail at that check. Grouped in rounds: round k changes the
/// k-th field of every check at once (checks are independent), so each field is changed in some round.
/// </summary>
internal static class CatalogueMutations
{
    public static List<List<Mutation>> Rounds(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var perCheck = new List<List<Mutation>>();
        foreach (var node in Sequence(Get(root, "checks")))
        {
            if (node is not YamlMappingNode check || Scalar(Get(check, "expect")) != "holds") continue;
            var id = Scalar(Get(check, "id"))!;
            var list = new List<Mutation>();
            switch (Scalar(Get(check, "kind")))
            {
                case "derive":
                    if (Get(check, "published") is YamlMappingNode published)
                        foreach (var (k, v) in published.Children)
                            list.Add(Replace(id, $"published.{Scalar(k)} changed", v, Wrong(Scalar(k)!, Scalar(v)!)));
                    else if (DerivationRegistry.Find(Scalar(Get(check, "derivation")) ?? "") is { Published.Count: > 0 } info &&
                             Get(check, "derivation") is { } dn && !IsFlow(check))
                    {
                        // No published formula written: the paper's default is used; add it, doubled, on a line of its own.
                        var p = info.Published[0];
                        int lineEnd = text.IndexOf('\n', (int)dn.End.Index);
                        var indent = new string(' ', (int)Key(check, "derivation")!.Start.Column - 1);
                        list.Add(new Mutation(id, $"published.{p.Key} added, changed", lineEnd, lineEnd,
                            $"\n{indent}published: {{{p.Key}: {Quote(Wrong(p.Key, p.Default))}}}"));
                    }
                    break;
                case "prove":
                    if (Get(check, "statement") is { } s) list.Add(Replace(id, "statement negated", s, $"not ({Scalar(s)})"));
                    foreach (var item in Sequence(Get(check, "statements"))) list.Add(Replace(id, "statement negated", item, $"not ({Scalar(item)})"));
                    break;
                case "compare":
                    if (Get(check, "order") is YamlSequenceNode { Children.Count: 2 } band)
                    {
                        var lo = double.Parse(Scalar(band.Children[0])!, CultureInfo.InvariantCulture) + 1;
                        var hi = double.Parse(Scalar(band.Children[1])!, CultureInfo.InvariantCulture) + 1;
                        // Both ends move in one edit (two spans), so the band stays a band: an edit per bound would leave low > high.
                        list.Add(new Mutation(id, "order band shifted by one", (int)band.Children[0].Start.Index, (int)band.Children[1].End.Index,
                            $"{lo.ToString(CultureInfo.InvariantCulture)}, {hi.ToString(CultureInfo.InvariantCulture)}"));
                    }
                    if (Get(check, "tolerance") is { } t) list.Add(new Mutation(id, "tolerance 1e-300", (int)t.Start.Index, (int)t.End.Index, "1e-300"));
                    break;
                case "simulate":
                    foreach (var predicate in Sequence(Get(check, "predicates")).OfType<YamlMappingNode>())
                    {
                        if (Get(predicate, "holds") is { } h) list.Add(Replace(id, $"predicate {Scalar(Get(predicate, "name"))} negated", h, $"not ({Scalar(h)})"));
                        if (Get(predicate, "quantity") is { } q) list.Add(Replace(id, $"quantity of {Scalar(Get(predicate, "name"))} negated", q, $"-({Scalar(q)})"));
                    }
                    break;
            }
            if (list.Count > 0) perCheck.Add(list);
        }
        int rounds = perCheck.Count == 0 ? 0 : perCheck.Max(l => l.Count);
        return Enumerable.Range(0, rounds).Select(k => perCheck.Where(l => l.Count > k).Select(l => l[k]).ToList()).ToList();
    }

    /// <summary>
    /// A wrong version of a published formula: twice the formula, except for a conserved quantity (twice a conserved
    /// quantity is conserved too), which gets a term that is not conserved (W_j W_j^T, of B_j's shape), and an
    /// equation (a closed form <c>sigma = s0 + I</c>), whose right side is doubled: <c>2*(sigma = …)</c> is no formula,
    /// which the loader refuses, so it would test the parser rather than the check.
    /// </summary>
    private static string Wrong(string key, string formula) =>
        key == "conserved" ? $"({formula}) - W[j]*W[j]^T"
        : formula.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? $"{formula[..eq].TrimEnd()} = 2*({formula[(eq + 1)..].Trim()})"
        : $"2*({formula})";

    /// <summary>Applies edits (from the end backwards, so earlier offsets stay valid).</summary>
    public static string Apply(string text, IEnumerable<Mutation> mutations)
    {
        foreach (var m in mutations.OrderByDescending(m => m.Start)) text = text[..m.Start] + m.Replacement + text[m.End..];
        return text;
    }

    private static Mutation Replace(string id, string what, YamlNode node, string replacement) =>
        new(id, what, (int)node.Start.Index, (int)node.End.Index, Quote(replacement));

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static bool IsFlow(YamlMappingNode m) => m.Style == YamlDotNet.Core.Events.MappingStyle.Flow;

    private static YamlNode? Get(YamlMappingNode m, string key) => m.Children.FirstOrDefault(kv => kv.Key is YamlScalarNode { Value: var v } && v == key).Value;

    private static YamlNode? Key(YamlMappingNode m, string key) => m.Children.Keys.FirstOrDefault(k => k is YamlScalarNode { Value: var v } && v == key);

    private static string? Scalar(YamlNode? n) => (n as YamlScalarNode)?.Value;

    private static IEnumerable<YamlNode> Sequence(YamlNode? n) => n is YamlSequenceNode s ? s.Children : [];
}
