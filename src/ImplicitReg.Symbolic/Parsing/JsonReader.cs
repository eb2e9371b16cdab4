using System.Text;
using System.Text.Json;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>
/// Reads the JSON tree written by <see cref="Printing.JsonPrinter"/> back into a canonical expression.
/// The input is untrusted: every node is rebuilt through the smart constructors, symbol names must be
/// names the text parser accepts, unknown or missing fields are errors, and the tree may be at most
/// <see cref="Parser.MaxDepth"/> deep. Every error is a <see cref="ParseException"/> with line and column.
/// </summary>
/// <remarks>
/// Built on the forward-only <see cref="Utf8JsonReader"/> with an explicit stack of open objects, so
/// reading never recurses, like the text parser.
/// </remarks>
public static partial class JsonReader
{
    /// <summary>Reads one expression or statement from its JSON form (as written by <see cref="Printing.JsonPrinter"/>), in canonical form.</summary>
    public static Expr Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json)) throw Lexer.Error(json, 0, "empty input: expected a JSON expression object");
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            // Own depth check below gives the clear message; the reader's limit only has to be higher.
            MaxDepth = 2 * Parser.MaxDepth + 16,
            CommentHandling = JsonCommentHandling.Disallow,
        });
        var context = new Context(json, bytes);
        var stack = new List<Node>();
        int objects = 0;
        Expr? result = null;
        try
        {
            while (reader.Read())
            {
                int at = (int)reader.TokenStartIndex;
                var top = stack.Count > 0 ? stack[^1] : null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        if (++objects > Parser.MaxDepth)
                            throw context.Error(at, $"expression nested deeper than {Parser.MaxDepth} levels; split it into smaller parts");
                        stack.Add(new Node(at, isArray: false));
                        break;
                    case JsonTokenType.StartArray:
                        if (top is null or { IsArray: true }) throw context.Error(at, "expected an expression object, found an array");
                        stack.Add(new Node(at, isArray: true) { Key = top.Key });
                        break;
                    case JsonTokenType.PropertyName:
                    {
                        var key = reader.GetString()!;
                        if (top!.Fields.ContainsKey(key)) throw context.Error(at, $"field '{key}' appears twice");
                        top.Key = key;
                        break;
                    }
                    case JsonTokenType.EndObject:
                    {
                        stack.RemoveAt(stack.Count - 1);
                        objects--;
                        var value = Build(top!, context);
                        if (stack.Count == 0) result = value;
                        else Assign(stack[^1], new Value(value, top!.Offset), context, top.Offset);
                        break;
                    }
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        Assign(stack[^1], new Value(top!.Items, top.Offset), context, top.Offset);
                        break;
                    case JsonTokenType.String:
                        Assign(top, new Value(reader.GetString()!, at), context, at);
                        break;
                    case JsonTokenType.Number:
                        Assign(top, new Value(new JsonNumber(Encoding.UTF8.GetString(reader.ValueSpan)), at), context, at);
                        break;
                    case JsonTokenType.True or JsonTokenType.False:
                        Assign(top, new Value(reader.TokenType == JsonTokenType.True, at), context, at);
                        break;
                    default:
                        throw context.Error(at, $"unexpected JSON {reader.TokenType.ToString().ToLowerInvariant()}");
                }
            }
        }
        catch (JsonException e)
        {
            throw context.Malformed(e);
        }
        return result ?? throw context.Error(bytes.Length, "unexpected end of input: the JSON object is not closed");
    }

    /// <summary>Stores a value in the open object's current field or appends it to the open array.</summary>
    private static void Assign(Node? target, Value value, Context context, int at)
    {
        if (target is null) throw context.Error(at, "expected a JSON object such as {\"type\":\"sym\",\"name\":\"x\"}");
        if (target.IsArray)
        {
            if (value.Payload is not Expr) throw context.Error(at, $"the items of '{target.Key}' must be expression objects");
            target.Items.Add(value);
            return;
        }
        target.Fields[target.Key!] = value;
        target.Key = null;
    }

    /// <summary>A JSON number kept as its exact text (3, 0.1, 1e-3 are exact rationals).</summary>
    private sealed record JsonNumber(string Text);

    /// <summary>A field value (expression, string, number, bool or list) with its byte offset.</summary>
    private sealed record Value(object Payload, int Offset);

    /// <summary>An open JSON object (an expression node being read) or array (its list field).</summary>
    private sealed class Node(int offset, bool isArray)
    {
        public int Offset { get; } = offset;
        public bool IsArray { get; } = isArray;
        public string? Key { get; set; }
        public Dictionary<string, Value> Fields { get; } = new(StringComparer.Ordinal);
        public List<Value> Items { get; } = [];
    }

    /// <summary>Maps byte offsets to the character positions a <see cref="ParseException"/> reports.</summary>
    private sealed class Context(string text, byte[] bytes)
    {
        public ParseException Error(int byteOffset, string message)
        {
            int offset = Encoding.UTF8.GetCharCount(bytes, 0, Math.Clamp(byteOffset, 0, bytes.Length));
            return Lexer.Error(text, offset, message);
        }

        public ParseException Malformed(JsonException e)
        {
            // Utf8JsonReader reports 0-based line and byte-in-line; find the byte offset of that position.
            int line = (int)(e.LineNumber ?? 0), inLine = (int)(e.BytePositionInLine ?? 0);
            int offset = 0;
            for (int l = 0; l < line && offset < bytes.Length; offset++)
                if (bytes[offset] == '\n') l++;
            var reason = e.Message;
            var cut = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) reason = reason[..cut];
            if (reason.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
                return Error(bytes.Length, "unexpected end of input: a JSON object or array is not closed");
            return Error(offset + inLine, "malformed JSON: " + reason.TrimEnd('.'));
        }
    }
}
