// The xueli CLI entry point (placeholder until the CLI issue lands).
process.stdout.write("xueli: the CLI is coming\n");
