import type { ReactNode } from 'react';

export interface DefinitionItem {
  term: string;
  value: ReactNode;
}

/** A simple description list (term / value pairs). */
export function DefinitionList({ items }: { items: DefinitionItem[] }) {
  return (
    <dl className="definition-list">
      {items.map((item) => (
        <div key={item.term} className="definition-list__row">
          <dt>{item.term}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
