// The Mantine theme, tuned for WCAG 2.1 AA contrast (4.5:1): primary buttons and links use shade 8, dimmed text
// gray-7 and error text red-9 instead of Mantine's lighter defaults, and the "light" variants (badges, alerts,
// active menu links) of blue, red, green, orange and yellow get darker text than Mantine's shade 9, which is below
// 4.5:1 on their (hover) backgrounds.
import { type CSSVariablesResolver, createTheme, Menu } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  primaryShade: 8,
  defaultRadius: 'sm',
  cursorType: 'pointer',
  focusRing: 'auto',
  // Users who ask their system for less motion get none: Mantine's transitions (modals, menus, notifications) end at
  // once. The browser journeys ask for it too, so axe never judges a notification half-way through its fade.
  respectReducedMotion: true,
  components: {
    // The placeholder is a role="presentation" div inside role="menu", which axe reports as a critical error.
    Menu: Menu.extend({ defaultProps: { withInitialFocusPlaceholder: false } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
    '--mantine-color-anchor': 'var(--mantine-color-blue-8)',
    // Active navigation links use blue "light": the text must keep 4.5:1 on the hover background (blue-2) too.
    '--mantine-color-blue-light-color': '#114a80',
    '--mantine-color-red-filled': 'var(--mantine-color-red-9)',
    '--mantine-color-red-filled-hover': '#a51d1d',
    '--mantine-color-red-light-color': '#a51d1d',
    '--mantine-color-green-light-color': '#1f6f30',
    '--mantine-color-orange-light-color': '#a33b06',
    '--mantine-color-yellow-light-color': '#7a4b00',
  },
  dark: {},
});
