// Swedish texts of the staffing forecast page (Prognos); forecast.en.ts has the same keys (the type checks it).
export const forecastSv = {
  title: 'Prognos',
};
