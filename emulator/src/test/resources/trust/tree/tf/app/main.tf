module "deploy" {
  source     = "../modules/deploy_role"
  repository = "octo-org/app"
}
