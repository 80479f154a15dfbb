/** The sub-navigation of a section (督办, 票决, 建议提案): its pages, then what `children` adds at the right. */
import type { ReactNode } from 'react';
import { href } from '../router';

export function SectionNav({ active, links, children }: { active: string; links: readonly (readonly [path: string, label: string])[]; children?: ReactNode }) {
  return (
    <div className="subnav">
      {links.map(([path, label]) => (
        <a key={path} href={href(path)} className={active === path ? 'active' : ''}>
          {label}
        </a>
      ))}
      {children !== undefined && (
        <>
          <span className="spacer" />
          {children}
        </>
      )}
    </div>
  );
}
