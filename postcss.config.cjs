// PostCSS for Mantine's CSS helpers (rem(), light-dark(), breakpoints).
module.exports = {
  plugins: {
    'postcss-preset-mantine': {},
  },
};
