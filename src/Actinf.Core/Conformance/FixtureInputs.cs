using System.Text.Json;
using Actinf.Core.Io;
using Actinf.Core.Tensors;

namespace Actinf.Core.Conformance;

/// <summary>Typed access to a component case's <c>inputs</c> object, with errors naming the missing key.</summary>
internal sealed class FixtureInputs(JsonElement inputs, string path)
{
    public bool Has(string key) => inputs.TryGetProperty(key, out JsonElement v) && v.ValueKind != JsonValueKind.Null;

    public JsonElement Get(string key) =>
        inputs.TryGetProperty(key, out JsonElement v)
            ? v
            : throw new FormatException($"{path}: input '{key}' is missing.");

    public Tensor Tensor(string key) => TensorJson.Read(Get(key), $"{path}.{key}");

    public Tensor[] Tensors(string key) => TensorJson.ReadList(Get(key), $"{path}.{key}");

    public Tensor[][] TensorLists(string key)
    {
        JsonElement el = Get(key);
        var result = new Tensor[el.GetArrayLength()][];
        int i = 0;
        foreach (JsonElement item in el.EnumerateArray())
        {
            result[i] = TensorJson.ReadList(item, $"{path}.{key}[{i}]");
            i++;
        }

        return result;
    }

    public int[] Ints(string key)
    {
        JsonElement el = Get(key);
        if (el.ValueKind == JsonValueKind.Object)
        {
            return TensorJson.ReadInt(el, $"{path}.{key}").Data;
        }

        var result = new int[el.GetArrayLength()];
        int i = 0;
        foreach (JsonElement x in el.EnumerateArray())
        {
            result[i++] = x.GetInt32();
        }

        return result;
    }

    public (int[] Shape, int[] Data) IntTensor(string key) => TensorJson.ReadInt(Get(key), $"{path}.{key}");

    public int[][] IntLists(string key)
    {
        JsonElement el = Get(key);
        var result = new int[el.GetArrayLength()][];
        int i = 0;
        foreach (JsonElement item in el.EnumerateArray())
        {
            var row = new int[item.GetArrayLength()];
            int j = 0;
            foreach (JsonElement x in item.EnumerateArray())
            {
                row[j++] = x.GetInt32();
            }

            result[i++] = row;
        }

        return result;
    }

    public int Int(string key) => Get(key).GetInt32();

    public double Number(string key) => Get(key).GetDouble();

    public double Number(string key, double fallback) => Has(key) ? Get(key).GetDouble() : fallback;

    public bool Bool(string key, bool fallback) => Has(key) ? Get(key).GetBoolean() : fallback;

    /// <summary>"all" (null) or a list of indices.</summary>
    public int[]? Selection(string key)
    {
        if (!Has(key))
        {
            return null;
        }

        JsonElement el = Get(key);
        return el.ValueKind == JsonValueKind.String ? null : Ints(key);
    }
}
