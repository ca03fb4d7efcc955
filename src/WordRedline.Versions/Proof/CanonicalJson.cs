using System.Globalization;
using System.Text;
using System.Text.Json;

namespace WordRedline.Versions;

/// <summary>The JSON Canonicalization Scheme (RFC 8785) for the values a version record holds: objects with members
/// sorted by their names' UTF-16 code units, arrays, strings, integers, booleans and null, with no whitespace and
/// strings escaped minimally (only '"', '\' and control characters, as \b \t \n \f \r or lower-case \u00xx). A record
/// hashes the same whoever serialises it: Python's <c>json.dumps(record, sort_keys=True, separators=(",", ":"),
/// ensure_ascii=False)</c> gives the same bytes for these records.</summary>
public static class CanonicalJson
{
    public static string Serialize(JsonElement value)
    {
        var builder = new StringBuilder();
        Write(builder, value);
        return builder.ToString();
    }

    public static byte[] SerializeToUtf8(JsonElement value) => Encoding.UTF8.GetBytes(Serialize(value));

    /// <summary>True when <paramref name="json"/> is already canonical (the stored form of every record).</summary>
    public static bool IsCanonical(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return string.Equals(Serialize(document.RootElement), json, StringComparison.Ordinal);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Write(StringBuilder builder, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                builder.Append('{');
                var first = true;
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    WriteString(builder, property.Name);
                    builder.Append(':');
                    Write(builder, property.Value);
                }

                builder.Append('}');
                break;
            case JsonValueKind.Array:
                builder.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (index++ > 0)
                    {
                        builder.Append(',');
                    }

                    Write(builder, item);
                }

                builder.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(builder, value.GetString()!);
                break;
            case JsonValueKind.Number:
                // Records hold counts, scores and sequence numbers only; fractions would need ES6 number formatting.
                if (!value.TryGetInt64(out var integer))
                {
                    throw new FormatException($"Canonical records hold integers only, not {value.GetRawText()}.");
                }

                builder.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                builder.Append("true");
                break;
            case JsonValueKind.False:
                builder.Append("false");
                break;
            case JsonValueKind.Null:
                builder.Append("null");
                break;
            default:
                throw new FormatException($"Unexpected JSON value kind {value.ValueKind}.");
        }
    }

    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                throw new FormatException("A string holds a lone surrogate, which UTF-8 cannot encode.");
            }

            if (char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                throw new FormatException("A string holds a lone surrogate, which UTF-8 cannot encode.");
            }

            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
    }
}
