using System.Text.Json;
using System.Text.Json.Serialization;
using Switchyard.Model;

namespace Switchyard.Translation;

/// <summary>Durations in the snapshot JSON as Istio prints them (<c>5s</c>, <c>0.100s</c>).</summary>
internal sealed class DurationJsonConverter : JsonConverter<Duration>
{
    public override Duration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Duration.Parse(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Duration value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
