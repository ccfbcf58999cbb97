using static Switchyard.Tests.Validation.VirtualServices.VirtualServiceYaml;

namespace Switchyard.Tests.Validation.VirtualServices;

public class FaultTests
{
    private static string Fault(string fault) => With("""
        hosts: [reviews]
        http:
        - route:
          - destination: {host: reviews}
          fault:
        """ + "\n" + string.Join('\n', fault.Split('\n').Select(l => "    " + l)));

    [Fact]
    public void Delay_and_abort_with_percentages_are_valid()
    {
        AssertValid(Fault("""
            delay:
              fixedDelay: 7s
              percentage: {value: 0.1}
            abort:
              grpcStatus: UNAVAILABLE
              percentage: {value: 100}
            """));
    }

    [Fact]
    public void A_fault_without_delay_or_abort_is_rejected()
    {
        var yaml = With("""
            hosts: [reviews]
            http:
            - route:
              - destination: {host: reviews}
              fault: {}
            """);
        AssertSingleError(yaml, "spec.http[0].fault", "HTTP fault injection must have an abort and/or a delay", "fault:");
    }

    [Fact]
    public void An_abort_status_outside_200_to_600_is_rejected()
    {
        var yaml = Fault("""
            abort:
              httpStatus: 601
            """);
        AssertSingleError(yaml, "spec.http[0].fault.abort.httpStatus", "HTTP status 601 is not in range 200-599", "httpStatus:");
    }

    [Fact]
    public void Abort_status_600_is_accepted_as_in_istio()
    {
        AssertValid(Fault("""
            abort:
              httpStatus: 600
            """));
    }

    [Fact]
    public void An_unknown_grpc_status_is_rejected()
    {
        var yaml = Fault("""
            abort:
              grpcStatus: "14"
            """);
        var d = Single(yaml);
        Assert.Equal("spec.http[0].fault.abort.grpcStatus", d.FieldPath);
        Assert.StartsWith("gRPC status \"14\" is not supported.", d.Message);
        Assert.Equal(Line(yaml, "grpcStatus:"), d.Span.Line);
    }

    [Fact]
    public void An_http2_error_abort_is_rejected_as_unsupported()
    {
        var yaml = Fault("""
            abort:
              http2Error: REFUSED_STREAM
            """);
        AssertSingleError(yaml, "spec.http[0].fault.abort.http2Error", "HTTP/2 abort fault injection not supported yet", "http2Error:");
    }

    [Fact]
    public void An_abort_without_error_type_draws_a_warning()
    {
        var yaml = Fault("""
            abort:
              percentage: {value: 10}
            """);
        AssertSingleWarning(yaml, "spec.http[0].fault.abort", "abort configured, but error type not set", "abort:");
    }

    [Fact]
    public void A_fault_percentage_above_100_is_rejected()
    {
        var yaml = Fault("""
            abort:
              httpStatus: 503
              percentage:
                value: 101
            """);
        AssertSingleError(yaml, "spec.http[0].fault.abort.percentage.value",
            "percentage 101 is neither 0.0, nor in range [0.0001, 100.0]", "value:");
    }

    [Fact]
    public void A_fault_percentage_below_0_0001_is_rejected()
    {
        var yaml = Fault("""
            delay:
              fixedDelay: 1s
              percentage:
                value: 0.00001
            """);
        AssertSingleError(yaml, "spec.http[0].fault.delay.percentage.value",
            "percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]", "value:");
    }

    [Fact]
    public void A_fixed_delay_below_a_millisecond_is_rejected()
    {
        var yaml = Fault("""
            delay:
              fixedDelay: 100us
            """);
        AssertSingleError(yaml, "spec.http[0].fault.delay.fixedDelay", "duration must be greater than 1ms", "fixedDelay:");
    }

    [Fact]
    public void An_exponential_delay_is_rejected_as_unsupported()
    {
        var yaml = Fault("""
            delay:
              exponentialDelay: 1s
            """);
        AssertSingleError(yaml, "spec.http[0].fault.delay.exponentialDelay", "exponentialDelay not supported yet", "exponentialDelay:");
    }
}
