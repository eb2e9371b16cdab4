using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ImplicitReg.Claims.Loading;

/// <summary>
/// Where each item of every list of a YAML text is written. The representation model resolves an alias (<c>*c</c>) to
/// its anchor's node, so an item that is an alias reports the anchor's line; the event parser still sees the alias
/// itself, and this records its mark, so a diagnostic about that item (a duplicate check id) points at the alias.
/// </summary>
internal sealed class WrittenItems
{
    private readonly Dictionary<(long Line, long Column), List<Mark>> _items = [];

    private WrittenItems()
    {
    }

    /// <summary>
    /// Reads the marks from <paramref name="text"/>, which the caller has already loaded as valid YAML nested at most
    /// <see cref="ClaimLoader.MaxNesting"/> deep (the event parser is iterative, so this is safe in any case).
    /// </summary>
    public static WrittenItems Of(string text)
    {
        var written = new WrittenItems();
        var parser = new Parser(new StringReader(text));
        var open = new Stack<List<Mark>?>(); // one entry per open collection: the list's item marks, null for a mapping
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            if (e is NodeEvent or AnchorAlias && open.TryPeek(out var items) && items is not null) items.Add(e.Start);
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
