import { Fragment } from "react";

/**
 * Text whose `backticked` parts (claim names, parameters, in the reason table's hints and
 * explanations) are shown as code rather than with literal backticks.
 */
export function CodeText({ text }: { text: string }) {
  return (
    <>
      {text.split(/`([^`]+)`/).map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-slate-100 px-1 font-mono text-[0.9em]">{part}</code>
        ) : (
          <Fragment key={index}>{part}</Fragment>
        ),
      )}
    </>
  );
}
