using System.Globalization;
using System.Text.Json;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Sweeps;

/// <summary>
/// What one run of a sweep produced: its index, id and seed, named results (numbers, number lists, texts) in
/// the order they were set, and its wall-clock time. Written to its own file; a merge reads these files back,
/// so every number in a summary comes from the same round-tripped text whether the sweep ran whole or in shards.
/// </summary>
public sealed class RunRecord(int index, string id, int seed)
{
    private readonly List<KeyValuePair<string, object>> _fields = [];

    /// <summary>The run's position in the sweep, from 0; decides its shard and its place in a merge.</summary>
    public int Index { get; } = index;
    /// <summary>The run's id, unique in the sweep (part of its file name).</summary>
    public string Id { get; } = id;
    /// <summary>The seed every random choice of the run came from.</summary>
    public int Seed { get; } = seed;

    /// <summary>Wall-clock seconds of the run: the one field that legitimately differs between two executions.</summary>
    public double Seconds { get; set; }

    /// <summary>Field names and values (double, string or double[]), in order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Fields => _fields;

    /// <summary>Sets the number <paramref name="name"/> (each field at most once).</summary>
    public RunRecord Set(string name, double value) => Put(name, value);
    /// <summary>Sets the text <paramref name="name"/> (each field at most once).</summary>
    public RunRecord Set(string name, string value) => Put(name, value);
    /// <summary>Sets the number list <paramref name="name"/> (each field at most once).</summary>
    public RunRecord Set(string name, IEnumerable<double> values) => Put(name, values.ToArray());

    private RunRecord Put(string name, object value)
    {
        if (_fields.Any(f => f.Key == name)) throw new ArgumentException($"field '{name}' is set twice in run {Id}");
        _fields.Add(new(name, value));
        return this;
    }

    /// <summary>True when the field <paramref name="name"/> was set.</summary>
    public bool Has(string name) => _fields.Any(f => f.Key == name);

    /// <summary>The number <paramref name="name"/>.</summary>
    public double Number(string name) => Get(name) is double d ? d : throw Missing(name, "a number");

    /// <summary>The text <paramref name="name"/>.</summary>
    public string Text(string name) => Get(name) is string s ? s : throw Missing(name, "a text");

    /// <summary>The number list <paramref name="name"/>.</summary>
    public double[] Numbers(string name) => Get(name) is double[] a ? a : throw Missing(name, "a list of numbers");

    private object? Get(string name) => _fields.FirstOrDefault(f => f.Key == name).Value;

    private InvalidDataException Missing(string name, string kind) =>
        new($"run {Index} ({Id}) has no field '{name}' holding {kind}");

    /// <summary>The record as one JSON document (doubles in shortest round-trip form; NaN and ±∞ as strings).</summary>
    public string ToJson() => JsonText.Render(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("index", Index);
        w.WriteString("id", Id);
        w.WriteNumber("seed", Seed);
        w.WriteStartObject("fields");
        WriteFields(w);
        w.WriteEndObject();
        w.WritePropertyName("seconds");
        WriteDouble(w, Seconds);
        w.WriteEndObject();
    });

    /// <summary>Writes the record's fields as properties of the JSON object open in <paramref name="w"/> (doubles as <see cref="WriteDouble"/>).</summary>
    public void WriteFields(Utf8JsonWriter w)
    {
        foreach (var (key, value) in _fields)
        {
            switch (value)
            {
                case double d:
                    w.WritePropertyName(key);
                    WriteDouble(w, d);
                    break;
                case string s:
                    w.WriteString(key, s);
                    break;
                case double[] a:
                    w.WriteStartArray(key);
                    foreach (var x in a) WriteDouble(w, x);
                    w.WriteEndArray();
                    break;
            }
        }
    }

    /// <summary>Writes a double so that reading it back gives the same bits (non-finite values as strings).</summary>
    public static void WriteDouble(Utf8JsonWriter w, double d)
    {
        if (double.IsFinite(d)) w.WriteNumberValue(d);
        else w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Reads a record written by <see cref="ToJson"/>; <paramref name="source"/> names the file in errors.</summary>
    /// <exception cref="InvalidDataException">The text is not such a record.</exception>
    public static RunRecord FromJson(string text, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var record = new RunRecord(root.GetProperty("index").GetInt32(), root.GetProperty("id").GetString()!, root.GetProperty("seed").GetInt32());
            foreach (var p in root.GetProperty("fields").EnumerateObject())
            {
                switch (p.Value.ValueKind)
                {
                    case JsonValueKind.Array:
                        record.Set(p.Name, p.Value.EnumerateArray().Select(ReadDouble).ToArray());
                        break;
                    case JsonValueKind.String when p.Value.GetString() is "NaN" or "Infinity" or "-Infinity":
                    case JsonValueKind.Number:
                        record.Set(p.Name, ReadDouble(p.Value));
                        break;
                    default:
                        record.Set(p.Name, p.Value.GetString() ?? "");
                        break;
                }
            }
            record.Seconds = ReadDouble(root.GetProperty("seconds"));
            return record;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new InvalidDataException($"{source}: not a run record of a sweep ({e.Message})");
        }
    }

    /// <summary>A number written by <see cref="ToJson"/>: a JSON number, or a string for the non-finite values JSON cannot hold (<c>"NaN"</c>, <c>"Infinity"</c>).</summary>
    public static double ReadDouble(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture)
        : e.GetDouble();
}
