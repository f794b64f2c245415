// Mantine's Anchor, Button and NavLink as typed TanStack Router links.
import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

type AnchorElementProps = Omit<ComponentPropsWithRef<'a'>, 'color' | 'style'>;

function AnchorElement(props: AnchorProps & AnchorElementProps) {
  return <Anchor {...props} />;
}

function ButtonElement(props: ButtonProps & AnchorElementProps) {
  return <Button component="a" {...props} />;
}

function NavLinkElement(props: NavLinkProps & AnchorElementProps) {
  return <NavLink component="a" {...props} />;
}

const CreatedAnchor = createLink(AnchorElement);
const CreatedButton = createLink(ButtonElement);
const CreatedNavLink = createLink(NavLinkElement);

export const RouterAnchor: LinkComponent<typeof AnchorElement> = (props) => <CreatedAnchor preload="intent" {...props} />;
export const RouterButton: LinkComponent<typeof ButtonElement> = (props) => <CreatedButton preload="intent" {...props} />;
/** A navigation link that is highlighted (and has aria-current="page") on its own page. */
export const RouterNavLink: LinkComponent<typeof NavLinkElement> = (props) => (
  <CreatedNavLink preload="intent" activeProps={{ active: true }} {...props} />
);
