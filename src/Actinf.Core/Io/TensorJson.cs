using System.Text.Json;
using Actinf.Core.Tensors;

namespace Actinf.Core.Io;

/// <summary>Reads and writes the tensor object of actinf-model/1: <c>{"shape": [...], "data": [...]}</c>, data row-major.</summary>
public static class TensorJson
{
    /// <summary>Reads a tensor object.</summary>
    /// <param name="element">The JSON object.</param>
    /// <param name="path">Where it is, for messages (e.g. <c>A[1]</c>).</param>
    /// <exception cref="FormatException">Not a tensor object, non-numeric data, or data length not matching the shape.</exception>
    public static Tensor Read(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("shape", out JsonElement shapeEl)
            || !element.TryGetProperty("data", out JsonElement dataEl)
            || shapeEl.ValueKind != JsonValueKind.Array
            || dataEl.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: expected a tensor object {{\"shape\": [...], \"data\": [...]}}.");
        }

        var shape = new int[shapeEl.GetArrayLength()];
        long n = 1;
        int i = 0;
        foreach (JsonElement d in shapeEl.EnumerateArray())
        {
            if (d.ValueKind != JsonValueKind.Number || !d.TryGetInt32(out int extent) || extent < 1)
            {
                throw new FormatException($"{path}.shape[{i}]: expected a positive integer, got {d.GetRawText()}.");
            }

            shape[i++] = extent;
            n *= extent;
        }

        int len = dataEl.GetArrayLength();
        if (len != n)
        {
            throw new FormatException($"{path}: shape [{string.Join(", ", shape)}] needs {n} values, but data has {len}.");
        }

        var data = new double[len];
        i = 0;
        foreach (JsonElement x in dataEl.EnumerateArray())
        {
            if (x.ValueKind != JsonValueKind.Number)
            {
                throw new FormatException($"{path}.data[{i}]: expected a number, got {x.GetRawText()}.");
            }

            data[i++] = x.GetDouble();
        }

        return Tensor.Own(shape, data);
    }

    /// <summary>Reads a JSON array of tensor objects.</summary>
    /// <exception cref="FormatException">Not an array of tensor objects.</exception>
    public static Tensor[] ReadList(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{path}: expected a list of tensors.");
        }

        var result = new Tensor[element.GetArrayLength()];
        int i = 0;
        foreach (JsonElement t in element.EnumerateArray())
        {
            result[i] = Read(t, $"{path}[{i}]");
            i++;
        }

        return result;
    }

    /// <summary>Reads an integer tensor (policies) as shape and row-major values.</summary>
    /// <exception cref="FormatException">Not a tensor object of integers.</exception>
    public static (int[] Shape, int[] Data) ReadInt(JsonElement element, string path)
    {
        Tensor t = Read(element, path);
        var data = new int[t.Length];
        ReadOnlySpan<double> src = t.Span;
        for (int i = 0; i < src.Length; i++)
        {
            double x = src[i];
            if (x != Math.Floor(x) || x < int.MinValue || x > int.MaxValue)
            {
                throw new FormatException($"{path}.data[{i}]: expected an integer, got {x}.");
            }

            data[i] = (int)x;
        }

        return (t.ShapeToArray(), data);
    }

    /// <summary>Writes a tensor object (numbers in shortest round-trip form).</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<int> shape, ReadOnlySpan<double> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("shape");
        foreach (int d in shape)
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        foreach (double x in data)
        {
            writer.WriteNumberValue(x);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes a tensor object.</summary>
    public static void Write(Utf8JsonWriter writer, Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        Write(writer, tensor.ShapeSpan, tensor.Span);
    }

    /// <summary>Writes an integer tensor object.</summary>
    public static void WriteInt(Utf8JsonWriter writer, ReadOnlySpan<int> shape, ReadOnlySpan<int> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteStartArray("shape");
        foreach (int d in shape)
        {
            writer.WriteNumberValue(d);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data");
        foreach (int x in data)
        {
            writer.WriteNumberValue(x);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
