namespace Switchyard.Validation.Rules;

/// <summary>
/// Istio's port (header_value_validator.go) of Envoy's header_parser.cc scanner for
/// <c>%VAR%</c> / <c>%VAR(...)%</c> substitutions. Like Istio it checks the shape only, not the
/// variable's name; the messages are Istio's, placeholders and all.
/// </summary>
internal static class EnvoyHeaderFormat
{
    private enum State { Literal, VariableName, ExpectArray, ExpectString, String, ExpectDelimiterOrEnd, ExpectArgsEnd, ExpectVariableEnd }

    public static string? Check(string value)
    {
        var state = State.Literal;
        for (var pos = 0; pos < value.Length; pos++)
        {
            var ch = value[pos];
            var hasNext = pos + 1 < value.Length;
            switch (state)
            {
                case State.Literal:
                    if (ch != '%') break;
                    if (!hasNext) return "invalid header configuration. Un-escaped %";
                    if (value[pos + 1] == '%') { pos++; break; } // escaped %%
                    state = State.VariableName;
                    break;
                case State.VariableName:
                    if (ch == '%') state = State.Literal;
                    else if (ch == '(') state = State.ExpectArray;
                    break;
                case State.ExpectArray:
                    if (ch == '[') state = State.ExpectString;
                    else if (ch != ' ') state = State.String;
                    break;
                case State.ExpectDelimiterOrEnd:
                    if (ch == ',') state = State.ExpectString;
                    else if (ch == ']') state = State.ExpectArgsEnd;
                    else if (ch != ' ') return "invalid header configuration. Expecting ',', ']', or whitespace";
                    break;
                case State.ExpectString:
                    if (ch == '"') state = State.String;
                    else if (ch != ' ') return "invalid header configuration. Expecting '\"'";
                    break;
                case State.String:
                    if (ch == '\\')
                    {
                        if (!hasNext) return "invalid header configuration. Un-terminated backslash in JSON string";
                        pos++;
                    }
                    else if (ch == ')') state = State.ExpectVariableEnd;
                    else if (ch == '"') state = State.ExpectDelimiterOrEnd;
                    break;
                case State.ExpectArgsEnd:
                    if (ch == ')') state = State.ExpectVariableEnd;
                    else if (ch != ' ') return "invalid header configuration. Expecting ')' or whitespace after '{}', but found '{}'";
                    break;
                case State.ExpectVariableEnd:
                    if (ch == '%') state = State.Literal;
                    else if (ch != ' ') return "invalid header configuration. Expecting '%' or whitespace after";
                    break;
            }
        }
        return state == State.Literal
            ? null
            : $"invalid header configuration. Un-terminated variable expression '{value}'";
    }
}
