using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImplicitReg.Claims.Loading;

/// <summary>
/// Where each item of every list of a YAML text is written, and whether the text nests too deep. The representation
/// model resolves an alias (<c>*c</c>) to its anchor's node, so an item that is an alias reports the anchor's line; the
/// event parser still sees the alias itself, and this records its mark, so a diagnostic about that item (a duplicate
/// check id) points at the alias. The same pass measures the nesting: YamlDotNet builds its representation model
/// recursively, so a file nested thousands deep (<c>[[[[…]]]]</c>) would overflow the stack, which no catch survives,
/// while the event parser is iterative.
/// </summary>
internal sealed class WrittenItems
{
    private readonly Dictionary<(long Line, long Column), List<Mark>> _items = [];

    private WrittenItems()
    {
    }

    /// <summary>
    /// Where the text first nests mappings and lists deeper than the limit given to <see cref="Of"/> (the reading stops
    /// there), or null.
    /// </summary>
    public Mark? TooDeep { get; private set; }

    /// <summary>
    /// Reads the marks from <paramref name="text"/>, stopping at the first collection nested deeper than
    /// <paramref name="maxNesting"/> (<see cref="TooDeep"/>).
    /// </summary>
    /// <exception cref="YamlException">The text is not valid YAML.</exception>
    public static WrittenItems Of(string text, int maxNesting)
    {
        var written = new WrittenItems();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<List<Mark>?>(); // one entry per open collection: the list's item marks, null for a mapping
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            if (e is NodeEvent or AnchorAlias && open.TryPeek(out var items) && items is not null) items.Add(e.Start);
            if (e is SequenceStart or MappingStart && open.Count == maxNesting)
            {
                written.TooDeep = e.Start;
                return written;
            }
            switch (e)
            {
                case SequenceStart:
                    var list = new List<Mark>();
                    written._items[(e.Start.Line, e.Start.Column)] = list;
                    open.Push(list);
                    break;
                case MappingStart:
                    open.Push(null);
                    break;
                case SequenceEnd or MappingEnd:
                    open.Pop();
                    break;
            }
        }
        return written;
    }

    /// <summary>
    /// The mark of item <paramref name="index"/> of the list <paramref name="list"/> as the text writes it (the alias for
    /// an aliased item); <paramref name="fallback"/> when the list is not known.
    /// </summary>
    public Mark ItemAt(YamlDotNet.RepresentationModel.YamlNode list, int index, Mark fallback) =>
        _items.TryGetValue((list.Start.Line, list.Start.Column), out var marks) && index < marks.Count ? marks[index] : fallback;
}
