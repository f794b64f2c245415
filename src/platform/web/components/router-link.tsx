// Mantine's Anchor and NavLink as typed TanStack Router links.
import { Anchor, type AnchorProps, NavLink, type NavLinkProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorElementProps = Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;

function AnchorElement(props: AnchorProps & AnchorElementProps) {
  return <Anchor {...props} />;
}

function NavLinkElement(props: NavLinkProps & AnchorElementProps) {
  return <NavLink component="a" {...props} />;
}

const CreatedAnchor = createLink(AnchorElement);
const CreatedNavLink = createLink(NavLinkElement);

export const RouterAnchor: LinkComponent<typeof AnchorElement> = (props) => <CreatedAnchor {...props} />;

/** A navigation link that is highlighted (and has aria-current="page") on its own page. */
export const RouterNavLink: LinkComponent<typeof NavLinkElement> = (props) => (
  <CreatedNavLink activeProps={{ active: true }} {...props} />
);
