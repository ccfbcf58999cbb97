using System.Text.Json;
using System.Text.Json.Serialization;
using Switchyard.Model;

namespace Switchyard.Translation;

/// <summary>Compiled durations in the snapshot JSON as Istio prints durations (<c>10s</c>, <c>0.100s</c>).</summary>
internal sealed class TimeSpanJsonConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Duration.Parse(reader.GetString() ?? "").ToTimeSpan();

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(new Duration(value.Ticks * 100).ToString());
}
