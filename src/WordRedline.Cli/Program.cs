using WordRedline.Cli;

// wordredline analyze | redline | eval: see README.md. Errors are one line on stderr and a non-zero exit code.
return CliApp.Run(args, Console.Out, Console.Error);
