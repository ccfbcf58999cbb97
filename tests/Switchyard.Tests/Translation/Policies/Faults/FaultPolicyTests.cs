using Switchyard.Translation.Policies;
using static Switchyard.Tests.Translation.Policies.PolicyFixture;

namespace Switchyard.Tests.Translation.Policies.Faults;

public class FaultPolicyTests
{
    private const string Route = "route: [{destination: {host: reviews}}]\n";

    [Fact]
    public void Rule_without_fault_compiles_to_null() => Assert.Null(Rule(Route).Fault);

    [Fact]
    public void Delay_keeps_its_fixed_delay_and_fractional_percentage()
    {
        var fault = Rule(Route + "fault: {delay: {fixedDelay: 1.5s, percentage: {value: 0.1}}}").Fault!;
        Assert.Equal(TimeSpan.FromMilliseconds(1500), fault.Delay!.Delay);
        Assert.Equal(1000u, fault.Delay.Share.Numerator);
        Assert.Null(fault.Abort);
    }

    [Fact]
    public void Deprecated_integer_percent_is_used_when_percentage_is_unset() =>
        Assert.Equal(FractionPerMillion.All, Rule(Route + "fault: {delay: {fixedDelay: 1s, percent: 100}}").Fault!.Delay!.Share);

    [Fact]
    public void Unset_percentage_never_fires_as_in_envoy_so_the_fault_is_dropped()
    {
        // istio/istio#36303: Istio passes no percentage, Envoy's FractionalPercent defaults to 0.
        Assert.Null(Rule(Route + "fault: {abort: {httpStatus: 418}}").Fault);
        Assert.Null(Rule(Route + "fault: {delay: {fixedDelay: 1s}}").Fault);
    }

    [Fact]
    public void Http_abort_keeps_its_status_and_share()
    {
        var abort = Rule(Route + "fault: {abort: {httpStatus: 503, percentage: {value: 50}}}").Fault!.Abort!;
        Assert.Equal(503, abort.HttpStatus);
        Assert.Null(abort.GrpcStatus);
        Assert.Equal(500_000u, abort.Share.Numerator);
    }

    [Fact]
    public void Grpc_abort_answers_http_200_with_the_numeric_grpc_code()
    {
        var abort = Rule(Route + "fault: {abort: {grpcStatus: UNAVAILABLE, percentage: {value: 100}}}").Fault!.Abort!;
        Assert.Equal(200, abort.HttpStatus);
        Assert.Equal(14, abort.GrpcStatus);
    }
}
