using System.Buffers;
using System.Text;
using System.Text.Json;
using Actinf.Cli.Running;

namespace Actinf.Cli.Rendering;

/// <summary>
/// Writes closed-loop steps as JSON Lines: one object per step,
/// <c>{"t","observation","state","action","posterior","q_pi","G"}</c>, numbers in shortest round-trip form.
/// </summary>
internal sealed class StepJsonWriter : IDisposable
{
    private readonly TextWriter _output;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;

    /// <summary>Creates a writer that appends lines to <paramref name="output"/>.</summary>
    public StepJsonWriter(TextWriter output)
    {
        _output = output;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    /// <summary>Writes one step as one line.</summary>
    public void Write(LoopStep step)
    {
        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        _json.WriteNumber("t", step.Time);
        WriteInts("observation", step.Observation);
        WriteInts("state", step.State);
        WriteInts("action", step.Action);
        _json.WriteStartArray("posterior");
        foreach (double[] factor in step.Posterior)
        {
            WriteDoubles(null, factor);
        }

        _json.WriteEndArray();
        WriteDoubles("q_pi", step.PolicyPosterior);
        WriteDoubles("G", step.NegativeExpectedFreeEnergy);
        _json.WriteEndObject();
        _json.Flush();
        _output.Write(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        _output.Write('\n');
    }

    /// <inheritdoc/>
    public void Dispose() => _json.Dispose();

    private void WriteInts(string name, int[] values)
    {
        _json.WriteStartArray(name);
        foreach (int v in values)
        {
            _json.WriteNumberValue(v);
        }

        _json.WriteEndArray();
    }

    private void WriteDoubles(string? name, double[] values)
    {
        if (name is null)
        {
            _json.WriteStartArray();
        }
        else
        {
            _json.WriteStartArray(name);
        }

        foreach (double v in values)
        {
            _json.WriteNumberValue(v);
        }

        _json.WriteEndArray();
    }
}
