# Builds and runs the ChatBot server. docker-compose.yml wires it to PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/ChatBot.Server -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV Urls=http://0.0.0.0:3978
EXPOSE 3978
ENTRYPOINT ["dotnet", "ChatBot.Server.dll"]
