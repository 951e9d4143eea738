using Actinf.Epistemic.Errors;

namespace Actinf.Epistemic.Tests.Errors;

public class ErrorKindExtensionsTests
{
    [Theory]
    [InlineData(ErrorKind.SessionNotFound, -32000)]
    [InlineData(ErrorKind.BeliefUpdateFailed, -32010)]
    [InlineData(ErrorKind.EfeTimeout, -32011)]
    [InlineData(ErrorKind.InvalidModel, -32012)]
    [InlineData(ErrorKind.PolicyEvaluationFailed, -32013)]
    [InlineData(ErrorKind.ActionGenerationFailed, -32014)]
    [InlineData(ErrorKind.NumericalInstability, -32015)]
    [InlineData(ErrorKind.ConfigurationError, -32016)]
    [InlineData(ErrorKind.Internal, -32603)]
    public void McpCode_EachKind_MatchesSeed004(ErrorKind kind, int code)
    {
        Assert.Equal(code, kind.McpCode());
        Assert.Equal(code, new ActiveInferenceException(kind, "m").McpCode);
    }

    [Fact]
    public void McpCode_UndefinedKind_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ((ErrorKind)99).McpCode());
        Assert.Equal("kind", ex.ParamName);
    }
}
