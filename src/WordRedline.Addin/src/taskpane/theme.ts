import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

// The pane follows Office's theme (Office.context.officeTheme: light, dark, black) and the system's forced colours
// (Windows high contrast), so its text and controls keep their contrast whatever the user chose.

/** Relative luminance of a #rrggbb colour (WCAG 2.2 definition). */
export function luminance(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => {
    const c = parseInt(h as string, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export type ThemeName = "light" | "dark" | "highContrast";

export function themeName(officeBackground: string | undefined, forcedColors: boolean): ThemeName {
  if (forcedColors) return "highContrast";
  return officeBackground && luminance(officeBackground) < 0.2 ? "dark" : "light";
}

export const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme, highContrast: teamsHighContrastTheme };

/** The current theme from Office and the media query. */
export function currentTheme(): ThemeName {
  const forced = typeof window.matchMedia === "function" && window.matchMedia("(forced-colors: active)").matches;
  const office = (Office.context as { officeTheme?: { bodyBackgroundColor?: string } } | undefined)?.officeTheme;
  return themeName(office?.bodyBackgroundColor, forced);
}
