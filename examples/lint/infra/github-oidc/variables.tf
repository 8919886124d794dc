variable "GitHubOrg" {
  description = "GitHub organisation that owns the repository"
  type        = string
  default     = "octo-org"
}

variable "GitHubRepo" {
  description = "Repository whose workflows may assume the role"
  type        = string
  default     = "octo-repo"
}
