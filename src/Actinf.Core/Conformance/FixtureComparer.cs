using System.Collections;
using System.Text.Json;
using Actinf.Core.Tensors;

namespace Actinf.Core.Conformance;

/// <summary>
/// Compares computed values with a fixture's expected JSON by the numpy.isclose rule
/// <c>|x - e| &lt;= atol + rtol·|e|</c>; shapes and list lengths must match exactly and integers must be equal.
/// </summary>
/// <remarks>Computed values are trees of <see cref="Tensor"/>, <see cref="IList"/> (lists of values),
/// <c>double</c>, <c>int</c>, <c>bool</c> and <c>string</c>.</remarks>
public sealed class FixtureComparer
{
    private const int MaxFailures = 20;
    private readonly List<string> _failures = [];

    /// <summary>Creates a comparer with the fixture's tolerances.</summary>
    public FixtureComparer(double absoluteTolerance, double relativeTolerance)
    {
        AbsoluteTolerance = absoluteTolerance;
        RelativeTolerance = relativeTolerance;
    }

    /// <summary>atol.</summary>
    public double AbsoluteTolerance { get; }

    /// <summary>rtol.</summary>
    public double RelativeTolerance { get; }

    /// <summary>Largest absolute difference seen.</summary>
    public double MaxAbsError { get; private set; }

    /// <summary>Numbers compared.</summary>
    public long Compared { get; private set; }

    /// <summary>Mismatches so far (at most 20 are kept).</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Records a failure that is not a numeric comparison (e.g. an exception).</summary>
    public void Fail(string message)
    {
        if (_failures.Count < MaxFailures)
        {
            _failures.Add(message);
        }
    }

    /// <summary>Compares one computed value with its expected JSON at <paramref name="path"/>.</summary>
    public void Compare(JsonElement expected, object? actual, string path, double? atol = null, double? rtol = null)
    {
        double a = atol ?? AbsoluteTolerance;
        double r = rtol ?? RelativeTolerance;
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object when expected.TryGetProperty("shape", out JsonElement shapeEl) && expected.TryGetProperty("data", out JsonElement dataEl):
                CompareTensor(shapeEl, dataEl, actual, path, a, r);
                break;
            case JsonValueKind.Array:
                if (actual is not IList list)
                {
                    Fail($"{path}: expected a list of {expected.GetArrayLength()}, computed {Describe(actual)}.");
                    return;
                }

                if (list.Count != expected.GetArrayLength())
                {
                    Fail($"{path}: expected {expected.GetArrayLength()} entries, computed {list.Count}.");
                    return;
                }

                int i = 0;
                foreach (JsonElement e in expected.EnumerateArray())
                {
                    Compare(e, list[i], $"{path}[{i}]", a, r);
                    i++;
                }

                break;
            case JsonValueKind.Number:
                if (!TryNumber(actual, out double x))
                {
                    Fail($"{path}: expected a number, computed {Describe(actual)}.");
                    return;
                }

                CompareNumber(expected.GetDouble(), x, path, a, r);
                break;
            case JsonValueKind.True:
            case JsonValueKind.False:
                if (actual is not bool b || b != expected.GetBoolean())
                {
                    Fail($"{path}: expected {expected.GetBoolean()}, computed {Describe(actual)}.");
                }

                break;
            case JsonValueKind.String:
                if (actual is not string s || s != expected.GetString())
                {
                    Fail($"{path}: expected \"{expected.GetString()}\", computed {Describe(actual)}.");
                }

                break;
            default:
                Fail($"{path}: cannot compare JSON {expected.ValueKind}.");
                break;
        }
    }

    private void CompareTensor(JsonElement shapeEl, JsonElement dataEl, object? actual, string path, double atol, double rtol)
    {
        ReadOnlySpan<double> values;
        int[] shape;
        switch (actual)
        {
            case Tensor t:
                values = t.Span;
                shape = t.ShapeToArray();
                break;
            case double[] v:
                values = v;
                shape = [v.Length];
                break;
            default:
                Fail($"{path}: expected a tensor, computed {Describe(actual)}.");
                return;
        }

        var expectedShape = new int[shapeEl.GetArrayLength()];
        int k = 0;
        foreach (JsonElement d in shapeEl.EnumerateArray())
        {
            expectedShape[k++] = d.GetInt32();
        }

        if (!expectedShape.AsSpan().SequenceEqual(shape))
        {
            Fail($"{path}: expected shape [{string.Join(", ", expectedShape)}], computed [{string.Join(", ", shape)}].");
            return;
        }

        int i = 0;
        foreach (JsonElement e in dataEl.EnumerateArray())
        {
            CompareNumber(e.GetDouble(), values[i], $"{path}.data[{i}]", atol, rtol);
            i++;
        }
    }

    private void CompareNumber(double expected, double actual, string path, double atol, double rtol)
    {
        Compared++;
        double diff = Math.Abs(actual - expected);
        if (double.IsNaN(diff))
        {
            diff = double.PositiveInfinity;
        }

        if (diff > MaxAbsError)
        {
            MaxAbsError = diff;
        }

        if (!(diff <= atol + (rtol * Math.Abs(expected))))
        {
            Fail($"{path}: expected {expected:R}, computed {actual:R} (|diff| = {diff:E3}).");
        }
    }

    private static bool TryNumber(object? actual, out double value)
    {
        switch (actual)
        {
            case double d:
                value = d;
                return true;
            case int i:
                value = i;
                return true;
            case Tensor { Length: 1 } t:
                value = t.Span[0];
                return true;
            default:
                value = 0;
                return false;
        }
    }

    private static string Describe(object? actual) => actual switch
    {
        null => "nothing",
        Tensor t => $"a tensor {t.ShapeText}",
        IList l => $"a list of {l.Count}",
        _ => actual.ToString() ?? actual.GetType().Name,
    };
}
