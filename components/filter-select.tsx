export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({ name, label, allLabel, options, value }: { name: string; label: string; allLabel: string; options: readonly FilterOption[]; value?: string }) {
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">{label}</label>
      <select id={name} name={name} defaultValue={value ?? ""} className="mt-1 w-full rounded-md border border-slate-300 px-2 py-2 text-sm">
        <option value="">{allLabel}</option>
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </div>
  );
}
